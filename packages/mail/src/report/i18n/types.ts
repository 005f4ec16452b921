/** The confirmation mail's words in one language. Functions where a value sits inside a sentence. */
export type ReportMailTexts = {
  locale: string;
  /** Between a label and its value: French puts a non-breaking space before the colon. */
  colon: string;
  subject: (reference: string) => string;
  intro: (reference: string) => string;
  summaryTitle: string;
  labels: {
    reference: string;
    receivedAt: string;
    reporterKind: string;
    kind: string;
    ongoing: string;
    startedAt: string;
    detectedAt: string;
    attachments: string;
    tlp: string;
  };
  ongoing: { yes: string; no: string; unknown: string };
  noAttachments: string;
  nextTitle: string;
  next: (o: { reference: string; phone: string }) => string[];
  notYou: string;
  /** A staff member's reply to the reporter, written in the console. */
  reply: {
    subject: (reference: string) => string;
    intro: (reference: string) => string;
    signature: (o: { author: string | null; cert: string }) => string;
    howToAnswer: (reference: string) => string;
  };
};
