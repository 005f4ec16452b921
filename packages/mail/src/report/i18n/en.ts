import type { ReportMailTexts } from "./types.ts";

export const en: ReportMailTexts = {
  locale: "en-GB",
  colon: ": ",
  subject: (ref) => `We have received your incident report ${ref}`,
  intro: (ref) => `Thank you for your report. We have received it under reference ${ref}.`,
  summaryTitle: "What you reported",
  labels: {
    reference: "Reference",
    receivedAt: "Received",
    reporterKind: "You reported as",
    kind: "Kind of incident",
    ongoing: "Still going on",
    startedAt: "Started",
    detectedAt: "Detected",
    attachments: "Attachments",
    tlp: "Sharing (TLP)",
  },
  ongoing: { yes: "Yes", no: "No", unknown: "Not known" },
  noAttachments: "none",
  nextTitle: "What happens next",
  next: ({ reference, phone }) => [
    "An analyst reads your report. Urgent incidents are handled first.",
    "We contact you if we need more information or can help. We will never ask for your password.",
    `Do you have new information, such as more evidence? Reply to this e-mail and keep the reference ${reference} in the subject.`,
    `Is the attack still going on? Call us on ${phone}.`,
  ],
  notYou:
    "Did you not send this report? Then someone typed your e-mail address by mistake, and you can ignore this message.",
  reply: {
    subject: (ref) => `Your incident report ${ref}`,
    intro: (ref) => `About your incident report ${ref}:`,
    signature: ({ author, cert }) => (author ? `${author}, ${cert}` : cert),
    howToAnswer: (ref) => `To answer, reply to this e-mail and keep the reference ${ref} in the subject.`,
  },
};
