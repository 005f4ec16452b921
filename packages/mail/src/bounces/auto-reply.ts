// Automatic answers that prove a notice arrived: out-of-office replies and ticket systems'
// acknowledgements. They are recognised by their headers (RFC 3834 and the ones common systems add) or,
// for responders that set none, by the subject's first words in the CERT's four languages.

type Header = { key: string; value: string };

const TICKET_SYSTEMS: { name: string; test: (h: Header) => boolean }[] = [
  {
    name: "RT",
    test: (h) =>
      h.key === "rt-ticket" || h.key === "x-rt-loop-prevention" || (h.key === "managed-by" && /^RT\b/i.test(h.value)),
  },
  { name: "OTRS/Znuny", test: (h) => h.key === "x-otrs-loop" || h.key.startsWith("x-znuny-") },
  {
    name: "Zendesk",
    test: (h) => h.key.startsWith("x-zendesk-") || (h.key === "x-mailer" && /zendesk/i.test(h.value)),
  },
  { name: "Jira Service Management", test: (h) => h.key === "x-jira-fingerprint" || h.key.startsWith("x-atlassian-") },
];

// Anchored at the subject's start, after any bracketed tags a gateway put there ("[EXTERNAL]").
const OUT_OF_OFFICE: [language: string, pattern: RegExp][] = [
  [
    "en",
    /^(?:out of (?:the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|away from (?:the )?office|on (?:vacation|holiday|leave)|I am away)\b/i,
  ],
  [
    "nl",
    /^(?:afwezig|automatisch antwoord|automatisch bericht|niet aanwezig|buiten kantoor|afwezigheidsbericht|met verlof|vakantie)\b/i,
  ],
  ["fr", /^(?:r[ée]ponse automatique|absent(?:e)?|absence|message d'absence|hors du bureau|en cong[ée])(?![\p{L}])/iu],
  [
    "de",
    /^(?:abwesenheitsnotiz|automatische (?:antwort|r[üu]ckantwort)|abwesend|au(?:ß|ss)er haus|nicht im b[üu]ro|abwesenheit|urlaub)(?![\p{L}])/iu,
  ],
];

/** Why the message is an automatic answer, or null when it is none. */
export function autoReplyReason(headers: readonly Header[], subject: string): string | null {
  const ticket = TICKET_SYSTEMS.find((t) => headers.some(t.test));
  if (ticket) return `ticket system acknowledgement (${ticket.name})`;

  const bare = subject.replace(/^(?:\s*\[[^\]]*\])*\s*/, "");
  const language = OUT_OF_OFFICE.find(([, pattern]) => pattern.test(bare))?.[0];
  if (language) return `out-of-office subject (${language})`;

  const value = (key: string) => headers.find((h) => h.key === key)?.value.trim();
  const autoSubmitted = value("auto-submitted");
  if (autoSubmitted && !/^no\b/i.test(autoSubmitted)) return `Auto-Submitted: ${autoSubmitted}`;
  for (const key of ["x-autoreply", "x-autorespond", "x-autoresponder"]) {
    if (value(key) !== undefined) return `${key} header`;
  }
  if (/^auto[_-]reply$/i.test(value("precedence") ?? "")) return "Precedence: auto_reply";
  return null;
}
