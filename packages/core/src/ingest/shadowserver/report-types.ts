import type { ReportTypeSpec } from "./report-type-spec.ts";
import { REPORT_TYPES } from "./report-types.generated.ts";

const BY_TYPE = new Map(REPORT_TYPES.map((t) => [t.type, t]));
const headerKey = (columns: readonly string[]) => [...columns].sort().join("\n");
const BY_HEADER = new Map<string, ReportTypeSpec[]>();
for (const t of REPORT_TYPES) {
  const key = headerKey(t.fields);
  BY_HEADER.set(key, [...(BY_HEADER.get(key) ?? []), t]);
}

export const reportType = (type: string): ReportTypeSpec | undefined => BY_TYPE.get(type.trim().toLowerCase());

// report-filename.md: `2021-05-14-scan_exchange-test-geo.csv`, the type between the date and the next dash.
const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-([^-]+)-.+\.csv$/i;

/** The report type Shadowserver's file name gives, if it names one of the table's. */
export function reportTypeOfFileName(fileName: string): ReportTypeSpec | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const m = FILE_NAME.exec(base);
  return m ? BY_TYPE.get(m[2]!.toLowerCase()) : undefined;
}

/**
 * The report types whose published header has exactly these columns (in any order). Several types share
 * a header (scan_x and scan6_x, scan_imap and scan_imap_vulnerable...): they route by the same columns, and
 * `narrowByIpVersion` may tell them apart once a row is read.
 */
export const reportTypesOfHeader = (columns: readonly string[]): readonly ReportTypeSpec[] =>
  BY_HEADER.get(headerKey(columns)) ?? [];

/** Of types sharing a header, those for this IP version (scan_exchange for IPv4, scan6_exchange for IPv6). */
export const narrowByIpVersion = (types: readonly ReportTypeSpec[], version: 4 | 6) =>
  types.filter((t) => t.ipVersion === version);

export { REPORT_TYPES };
