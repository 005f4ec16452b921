/** An e-mail address as the sources write one: `local@domain.tld`, no spaces, brackets or separators. */
export const isMailbox = (text: string) => /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(text);
