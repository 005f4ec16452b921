import type { ReportLanguage } from "@baken/core";
import { reportMailTexts } from "./i18n/index.ts";

// A staff member's reply to a reporter: their words, framed in the report's language. Unlike the automatic
// confirmation, it carries free text, written by staff, to the address the reporter gave.

export type ReportReply = {
  language: ReportLanguage;
  reference: string;
  body: string;
  author: string | null;
  cert: { name: string; phone: string; website: string };
};

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderReportReply(data: ReportReply): { subject: string; text: string; html: string } {
  const t = reportMailTexts[data.language].reply;
  const signature = t.signature({ author: data.author, cert: data.cert.name });
  const text = [
    t.intro(data.reference),
    "",
    data.body,
    "",
    t.howToAnswer(data.reference),
    "",
    "-- ",
    signature,
    data.cert.phone,
    data.cert.website,
    "",
  ].join("\n");
  const paragraphs = data.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
  const html = `<!doctype html><html lang="${data.language}"><head><meta charset="utf-8"><title>${escape(t.subject(data.reference))}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;line-height:1.5;max-width:40rem">
<p>${escape(t.intro(data.reference))}</p>
${paragraphs}
<p style="color:#4a4f57">${escape(t.howToAnswer(data.reference))}</p>
<p>${escape(signature)}<br>${escape(data.cert.phone)}<br><a href="${escape(data.cert.website)}">${escape(data.cert.website)}</a></p>
</body></html>`;
  return { subject: t.subject(data.reference), text, html };
}
