// RFC 3463 enhanced status codes (class.subject.detail, such as 5.1.1): the class says permanent (5),
// temporary (4) or success (2). Servers write them after the basic reply code ("550 5.1.1 ..."), DSNs in
// their Status field, human-readable bounces anywhere in the text.

// Not part of a longer dotted number: "192.0.2.1" or "10.5.1.1" hold no status. The subject is one digit:
// RFC 3463's grammar allows three, but every registered subject is 0-7, and "Exim 4.96.2" is a version.
const ENHANCED = /(?<![\d.])([245])\.(\d)\.(\d{1,3})(?!\.?\d)/;
const BASIC = /^\s*([245])\d\d(?:[\s-]|$)/;

/** The first enhanced status code in the text, or null. */
export function enhancedStatusIn(text: string): string | null {
  const m = ENHANCED.exec(text);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/**
 * The status of an SMTP reply ("550 5.1.1 <a@b>: User unknown" gives 5.1.1). A reply without an enhanced
 * code, or with one whose class contradicts the reply code, gets the reply code's class with 0.0
 * ("550 User unknown" gives 5.0.0). Null when the text is no SMTP reply and no code is given.
 */
export function statusOfReply(reply: string | undefined | null, code?: number): string | null {
  const text = reply ?? "";
  const basic = BASIC.exec(text)?.[1] ?? (code && code >= 200 && code < 600 ? String(code)[0] : undefined);
  const enhanced = enhancedStatusIn(text);
  if (!basic) return enhanced;
  return enhanced?.startsWith(`${basic}.`) ? enhanced : `${basic}.0.0`;
}

export const isPermanentStatus = (status: string | null): boolean => status?.startsWith("5.") ?? false;
export const isTemporaryStatus = (status: string | null): boolean => status?.startsWith("4.") ?? false;
