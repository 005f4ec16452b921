import { createHmac } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors.ts";

// Shadowserver's Reports API, the parts without I/O: request bodies, their signature, the answers' shape.
// A call is a POST of a JSON body to <api base><method>; the body carries "apikey"; the header HMAC2 is the
// lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the account's secret. A report is
// downloaded with GET <download base><id>.

/** The documented addresses: defaults for a feed source's settings, which tests point elsewhere. */
export const SHADOWSERVER_API_URL = "https://transform.shadowserver.org/api2/";
export const SHADOWSERVER_DOWNLOAD_URL = "https://dl.shadowserver.org/";

export const SHADOWSERVER_SIGNATURE_HEADER = "HMAC2";

/** The HMAC2 header's value for `body`, which must be sent as exactly these bytes. */
export function shadowserverSignature(secret: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export type ReportListFilter = {
  /** Mailing-list names ("reports"), to narrow an account that receives several. */
  reports?: string[];
  /** Report types (scan_exchange, event4_sinkhole…). */
  types?: string[];
};

/** The body of reports/list for one day (the API lists one date per call). */
export function reportListBody(apiKey: string, date: string, filter: ReportListFilter = {}): string {
  return JSON.stringify({
    apikey: apiKey,
    date,
    ...(filter.reports?.length ? { reports: filter.reports } : {}),
    ...(filter.types?.length ? { types: filter.types } : {}),
  });
}

const reportSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    timestamp: z.string().min(1),
    file: z.string().min(1),
    report: z.string().optional(),
  })
  .loose();

export type ListedReport = z.infer<typeof reportSchema>;

/**
 * The reports of a reports/list answer. The sample clients read id, type, timestamp (the report's date) and
 * file; other fields are kept. An error object, or anything but a list of such reports, is refused.
 */
export function parseReportList(answer: unknown): ListedReport[] {
  if (answer && typeof answer === "object" && !Array.isArray(answer) && "error" in answer) {
    throw new AppError("bad_request", `Shadowserver answered reports/list with an error: ${String(answer.error)}`);
  }
  const parsed = z.array(reportSchema).safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("validation", `Shadowserver's reports/list answer is not a list of reports`, [
      { field: issue.path.join("."), message: issue.message },
    ]);
  }
  return parsed.data;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Longest range one pull may list, day by day: a typo in a year should not make a thousand calls. */
export const MAX_LIST_DAYS = 92;

/** The days from `from` to `to`, both included, as YYYY-MM-DD (UTC, as Shadowserver dates its reports). */
export function datesBetween(from: string, to: string): string[] {
  const start = parseDate(from, "from");
  const end = parseDate(to, "to");
  if (end < start) throw new AppError("bad_request", `The date range ends (${to}) before it starts (${from})`);
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_LIST_DAYS) {
    throw new AppError("bad_request", `The date range spans ${days} days; at most ${MAX_LIST_DAYS} are listed at once`);
  }
  return Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

function parseDate(value: string, field: string): number {
  const time = ISO_DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new AppError("validation", `Not a date (YYYY-MM-DD): ${value}`, [
      { field, message: "a date such as 2021-03-09" },
    ]);
  }
  return time;
}
