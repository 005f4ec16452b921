import { reportVocabulary, rsitLabel, type ReportLanguage, type ReporterKind } from "@baken/core";
import { reportMailTexts } from "./i18n/index.ts";

// The confirmation a reporter receives. It repeats only values Baken chose (reference, dates, names of
// choices from the vocabulary), never text the reporter typed: the address may be mistyped or not the
// reporter's own, and free text in an automatic mail would let anyone send their words to any address.

export type ReportConfirmation = {
  language: ReportLanguage;
  reference: string;
  receivedAt: Date;
  reporterKind: string;
  rsitClass: string;
  rsitType: string | null;
  ongoing: boolean | null;
  startedAt: Date | null;
  detectedAt: Date | null;
  attachmentCount: number;
  tlp: string;
  cert: { name: string; phone: string; website: string };
  timeZone: string;
};

export type ReportConfirmationMail = { subject: string; text: string; html: string };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderReportConfirmation(data: ReportConfirmation): ReportConfirmationMail {
  const t = reportMailTexts[data.language];
  const vocabulary = reportVocabulary(data.language);
  const when = (d: Date) =>
    new Intl.DateTimeFormat(t.locale, { dateStyle: "long", timeStyle: "short", timeZone: data.timeZone }).format(d);
  const ongoing = data.ongoing === true ? t.ongoing.yes : data.ongoing === false ? t.ongoing.no : t.ongoing.unknown;
  const tlpName = data.tlp.replace("_", "+");

  const rows: [string, string][] = [
    [t.labels.reference, data.reference],
    [t.labels.receivedAt, when(data.receivedAt)],
    [t.labels.reporterKind, vocabulary.reporterKinds[data.reporterKind as ReporterKind] ?? data.reporterKind],
    [t.labels.kind, rsitLabel(data.language, data.rsitClass, data.rsitType)],
    [t.labels.ongoing, ongoing],
    ...(data.startedAt ? [[t.labels.startedAt, when(data.startedAt)] as [string, string]] : []),
    ...(data.detectedAt ? [[t.labels.detectedAt, when(data.detectedAt)] as [string, string]] : []),
    [t.labels.attachments, data.attachmentCount > 0 ? String(data.attachmentCount) : t.noAttachments],
    [t.labels.tlp, `TLP:${tlpName}`],
  ];
  const next = t.next({ reference: data.reference, phone: data.cert.phone });

  const text = [
    t.intro(data.reference),
    "",
    t.summaryTitle,
    ...rows.map(([label, value]) => `- ${label}${t.colon}${value}`),
    "",
    t.nextTitle,
    ...next.map((line) => `- ${line}`),
    "",
    t.notYou,
    "",
    "-- ",
    data.cert.name,
    data.cert.phone,
    data.cert.website,
    "",
  ].join("\n");

  const html = `<!doctype html><html lang="${data.language}"><head><meta charset="utf-8"><title>${escape(t.subject(data.reference))}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;line-height:1.5;max-width:40rem">
<p>${escape(t.intro(data.reference))}</p>
<h2 style="font-size:1.1rem">${escape(t.summaryTitle)}</h2>
<table style="border-collapse:collapse">${rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:.25rem 1rem .25rem 0;vertical-align:top">${escape(label)}</th><td style="padding:.25rem 0">${escape(value)}</td></tr>`,
    )
    .join("")}</table>
<h2 style="font-size:1.1rem">${escape(t.nextTitle)}</h2>
<ul>${next.map((line) => `<li>${escape(line)}</li>`).join("")}</ul>
<p style="color:#4a4f57">${escape(t.notYou)}</p>
<p>${escape(data.cert.name)}<br>${escape(data.cert.phone)}<br><a href="${escape(data.cert.website)}">${escape(data.cert.website)}</a></p>
</body></html>`;

  return { subject: t.subject(data.reference), text, html };
}
