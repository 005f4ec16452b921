import {
  DEFAULT_REPORT_TLP,
  IMPACTS,
  OTHER_PARTIES,
  REPORTER_KINDS,
  TLPS,
  type Impact,
  type OtherParty,
  type ReporterKind,
  type TlpLabel,
} from "./report-fields.ts";
import { isRsitClass, isRsitTypeOf, type RsitClass, type RsitType } from "./rsit.ts";
import { parseWallTime } from "./wall-time.ts";

// Server-side validation of the public report form. It returns problems as codes per field, in the
// order of the form; the page turns them into messages in the reporter's language.

/** The form's field names; also the keys of the problems. */
export type ReportField =
  | "reporterKind"
  | "name"
  | "email"
  | "phone"
  | "organization"
  | "role"
  | "relation"
  | "rsitClass"
  | "rsitType"
  | "startedAt"
  | "detectedAt"
  | "ongoing"
  | "description"
  | "affectedSystems"
  | "impact"
  | "indicators"
  | "actionsTaken"
  | "othersInformed"
  | "expectations"
  | "noticeReference"
  | "tlp"
  | "attachments"
  | "consent";

export type ProblemCode =
  | "required"
  | "email"
  | "phone"
  | "too-long"
  | "choice"
  | "date"
  | "date-future"
  | "date-order"
  | "type-class"
  | "file-type"
  | "file-content"
  | "file-empty"
  | "file-size"
  | "file-count";

export type FieldProblem = { field: ReportField; code: ProblemCode; max?: number; file?: string };

/** Longest accepted value per text field (characters); the form uses them as maxlength too. */
export const REPORT_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  organization: 200,
  role: 200,
  description: 20_000,
  affectedSystems: 20_000,
  indicators: 50_000,
  actionsTaken: 20_000,
  expectations: 5_000,
  noticeReference: 100,
} as const;

export type ReportDraft = {
  reporterKind: ReporterKind;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string | null;
  reporterRole: string | null;
  organizationName: string | null;
  isVictim: boolean;
  rsitClass: RsitClass;
  rsitType: RsitType | null;
  startedAt: Date | null;
  detectedAt: Date | null;
  ongoing: boolean | null;
  description: string;
  affectedSystems: string | null;
  impact: Impact[];
  indicators: string | null;
  actionsTaken: string | null;
  othersInformed: OtherParty[];
  expectations: string | null;
  noticeReference: string | null;
  tlp: TlpLabel;
};

/** Submitted form values: every field as the list of values the browser sent. */
export type RawReport = Record<string, string[] | undefined>;

// Dates a little ahead of the server's clock are the reporter's clock, not the future.
const FUTURE_SLACK_MS = 15 * 60 * 1000;
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const PHONE = /^\+?[0-9 ()./-]{6,}$/;

/** Text as stored: no NUL (PostgreSQL refuses it), Unix line ends, trimmed. */
const clean = (value: string) => value.replaceAll("\u0000", "").replace(/\r\n?/g, "\n").trim();

export function validateReport(
  raw: RawReport,
  opts: { timeZone: string; now?: Date },
): { ok: true; draft: ReportDraft } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const now = opts.now ?? new Date();
  const one = (field: string) => clean(raw[field]?.[0] ?? "");
  const fail = (field: ReportField, code: ProblemCode, extra: Partial<FieldProblem> = {}) => {
    problems.push({ field, code, ...extra });
    return null;
  };
  const text = (field: keyof typeof REPORT_LIMITS, required = false): string | null => {
    const value = one(field);
    if (!value) return required ? fail(field, "required") : null;
    if (value.length > REPORT_LIMITS[field]) return fail(field, "too-long", { max: REPORT_LIMITS[field] });
    return value;
  };
  const choice = <T extends string>(field: ReportField, allowed: readonly T[], required = false): T | null => {
    const value = one(field);
    if (!value) return required ? fail(field, "required") : null;
    return (allowed as readonly string[]).includes(value) ? (value as T) : fail(field, "choice");
  };
  const choices = <T extends string>(field: ReportField, allowed: readonly T[]): T[] => {
    const values = [...new Set((raw[field] ?? []).map(clean).filter(Boolean))];
    if (values.some((v) => !(allowed as readonly string[]).includes(v))) fail(field, "choice");
    return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  };
  const date = (field: "startedAt" | "detectedAt"): Date | null => {
    const value = one(field);
    if (!value) return null;
    const parsed = parseWallTime(value, opts.timeZone);
    if (!parsed) return fail(field, "date");
    if (parsed.getTime() > now.getTime() + FUTURE_SLACK_MS) return fail(field, "date-future");
    return parsed;
  };

  const reporterKind = choice("reporterKind", REPORTER_KINDS, true);
  const reporterName = text("name", true);
  let reporterEmail = text("email", true);
  if (reporterEmail && !EMAIL.test(reporterEmail)) reporterEmail = fail("email", "email");
  let reporterPhone = text("phone");
  if (reporterPhone && !PHONE.test(reporterPhone)) reporterPhone = fail("phone", "phone");
  // A private person reports for themselves; anyone else names the organization concerned.
  const organizationName = text("organization", reporterKind !== null && reporterKind !== "citizen");
  const reporterRole = text("role");
  const relation = choice("relation", ["victim", "on-behalf"] as const, true);

  const rsitClassValue = one("rsitClass");
  let rsitClass: RsitClass | null = null;
  if (!rsitClassValue) fail("rsitClass", "required");
  else if (!isRsitClass(rsitClassValue)) fail("rsitClass", "choice");
  else rsitClass = rsitClassValue;
  const rsitTypeValue = one("rsitType");
  let rsitType: RsitType | null = null;
  if (rsitTypeValue && rsitClass) {
    if (isRsitTypeOf(rsitClass, rsitTypeValue)) rsitType = rsitTypeValue;
    else fail("rsitType", "type-class");
  }

  const startedAt = date("startedAt");
  let detectedAt = date("detectedAt");
  if (startedAt && detectedAt && detectedAt < startedAt) detectedAt = fail("detectedAt", "date-order");
  const ongoingValue = choice("ongoing", ["yes", "no", "unknown"] as const);
  const description = text("description", true);
  const affectedSystems = text("affectedSystems");
  const impact = choices("impact", IMPACTS);
  const indicators = text("indicators");
  const actionsTaken = text("actionsTaken");
  const othersInformed = choices("othersInformed", OTHER_PARTIES);
  const expectations = text("expectations");
  const noticeReference = text("noticeReference");
  const tlp = choice("tlp", TLPS) ?? DEFAULT_REPORT_TLP;
  if (one("consent") !== "yes") fail("consent", "required");

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      reporterKind: reporterKind!,
      reporterName: reporterName!,
      reporterEmail: reporterEmail!,
      reporterPhone,
      reporterRole,
      organizationName,
      isVictim: relation === "victim",
      rsitClass: rsitClass!,
      rsitType,
      startedAt,
      detectedAt,
      ongoing: ongoingValue === "yes" ? true : ongoingValue === "no" ? false : null,
      description: description!,
      affectedSystems,
      impact,
      indicators,
      actionsTaken,
      othersInformed,
      expectations,
      noticeReference,
      tlp,
    },
  };
}
