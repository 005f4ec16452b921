import { extensionOf, type FieldProblem, type ReportField } from "@baken/core";
import type { FormTexts } from "./i18n/index.ts";

/** Numbers and file sizes written the way the reporter's language writes them. */
export function formatters(t: FormTexts) {
  const number = (n: number, digits = 0) =>
    new Intl.NumberFormat(t.locale, { maximumFractionDigits: digits }).format(n);
  return {
    number,
    // A no-break space keeps "10 MB" on one line.
    size: (bytes: number) =>
      bytes >= 1024 * 1024 ? `${number(bytes / 1024 / 1024, 1)}\u00a0MB` : `${number(bytes / 1024, 1)}\u00a0kB`,
  };
}

export function fieldLabel(t: FormTexts, field: ReportField): string {
  if (field === "consent") return t.errors.required.consent;
  return t.fields[field].label;
}

/** The message for one problem, as the error summary and the field show it. */
export function problemMessage(t: FormTexts, p: FieldProblem): string {
  const e = t.errors;
  const f = formatters(t);
  const label = fieldLabel(t, p.field);
  const file = p.file ?? "";
  switch (p.code) {
    case "required":
      return (e.required as Partial<Record<ReportField, string>>)[p.field] ?? e.choice(label);
    case "email":
      return e.email;
    case "phone":
      return e.phone;
    case "too-long":
      return e.tooLong(label, f.number(p.max ?? 0));
    case "choice":
      return e.choice(label);
    case "date":
      return e.date(label);
    case "date-future":
      return e.dateFuture(label);
    case "date-order":
      return e.dateOrder;
    case "type-class":
      return e.typeClass;
    case "file-type":
      return e.fileType(file);
    case "file-content":
      return e.fileContent(file, extensionOf(file));
    case "file-empty":
      return e.fileEmpty(file);
    case "file-size":
      return e.fileSize(file, f.size(p.max ?? 0));
    case "file-count":
      return e.fileCount(p.max ?? 0);
  }
}
