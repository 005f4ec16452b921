// The report form's words in one language. Domain names (incident kinds, impacts, TLP) come from
// @baken/core's vocabulary; these are the page's own texts. Functions where a value sits in a sentence.

type Field = { label: string; hint?: string };

export type FormTexts = {
  /** for numbers and sizes */
  locale: string;
  title: string;
  intro: string;
  urgent: { title: string; lead: string; steps: string[]; call: string; danger: string };
  requiredNote: string;
  /** shown after a required field's label, in brackets */
  required: string;
  sections: { you: string; what: string; details: string; files: string; sharing: string };
  fields: {
    reporterKind: Field;
    name: Field;
    email: Field;
    phone: Field;
    organization: Field;
    role: Field;
    relation: Field & { victim: string; onBehalf: string };
    rsitClass: Field;
    rsitType: Field & { unsure: string };
    startedAt: Field;
    detectedAt: Field;
    ongoing: Field & { yes: string; no: string; unknown: string };
    description: Field;
    affectedSystems: Field;
    impact: Field;
    indicators: Field;
    actionsTaken: Field;
    othersInformed: Field;
    expectations: Field;
    noticeReference: Field;
    tlp: Field;
    attachments: { label: string; hint: (o: { maxFiles: number; maxSize: string }) => string };
    consent: { label: (certName: string) => string; privacyLink: string };
  };
  honeypot: string;
  submit: string;
  errors: {
    summaryTitle: string;
    titlePrefix: string;
    /** before an inline message, for screen readers */
    inlinePrefix: string;
    required: {
      reporterKind: string;
      name: string;
      email: string;
      organization: string;
      relation: string;
      rsitClass: string;
      description: string;
      consent: string;
    };
    email: string;
    phone: string;
    tooLong: (label: string, max: string) => string;
    choice: (label: string) => string;
    date: (label: string) => string;
    dateFuture: (label: string) => string;
    dateOrder: string;
    typeClass: string;
    fileType: (file: string) => string;
    fileContent: (file: string, extension: string) => string;
    fileEmpty: (file: string) => string;
    fileSize: (file: string, max: string) => string;
    fileCount: (max: number) => string;
    filesAgain: string;
  };
  abuse: {
    title: string;
    tooFast: string;
    expired: string;
    invalid: string;
    honeypot: (phone: string) => string;
    rateLimited: (phone: string) => string;
    tooLarge: string;
    backToForm: string;
  };
  thanks: {
    title: string;
    referenceLabel: string;
    keepIt: string;
    nextTitle: string;
    next: (phone: string) => string[];
    another: string;
  };
  failure: {
    title: string;
    body: (phone: string) => string;
    badRequest: string;
    /** a field held a character that cannot be stored (NUL) */
    badCharacter: (label: string) => string;
    notFound: string;
  };
};
