import type { ExposureRow } from "./normalise-row.ts";
import type { ReadResult } from "./read-exposures.ts";
import type { Classification } from "./shadowserver/report-type-spec.ts";

/** What a list is, as stored with it and shown with its notices. */
export type ListReport = {
  /** The Shadowserver report type (`scan_exchange`), `shodan` or `intelmq`; null for columns read by name. */
  reportType: string | null;
  reportName: string | null;
  /** The report type's default severity; a row may carry its own. */
  severity: string | null;
  classification: Classification | null;
};

const same = <T>(values: T[]): T | null =>
  values.length > 0 && values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0]! : null;

/**
 * The list's report from how it was read. A header shared by several report types that the rows did not
 * settle (scan_imap and scan_imap_vulnerable) names them all, with what they have in common. IntelMQ
 * events carry their classification per event: the first one seen (`seen`) is the list's.
 */
export function listReport(result: ReadResult, seen: Classification | null = null): ListReport {
  if (result.kind === "shadowserver") {
    const t = result.reportType;
    if (t)
      return { reportType: t.type, reportName: t.name, severity: t.defaultSeverity, classification: t.classification };
    const all = result.reportTypeCandidates;
    return {
      reportType: null,
      reportName: all.map((c) => `${c.name} (${c.type})`).join(" or "),
      severity: same(all.map((c) => c.defaultSeverity)),
      classification: same(all.map((c) => c.classification)),
    };
  }
  if (result.kind === "shodan")
    return { reportType: "shodan", reportName: "Shodan export", severity: null, classification: null };
  if (result.kind === "intelmq")
    return { reportType: "intelmq", reportName: "IntelMQ events", severity: null, classification: seen };
  return { reportType: null, reportName: null, severity: null, classification: null };
}

/** An IntelMQ event's classification (classification.taxonomy / .type / .identifier), if it has one. */
export function intelMqClassification(row: ExposureRow): Classification | null {
  const value = (name: string) => {
    const i = row.layout.columns.indexOf(name);
    return i >= 0 ? row.record[i]?.trim() || null : null;
  };
  const taxonomy = value("classification.taxonomy");
  const type = value("classification.type");
  return taxonomy && type ? { taxonomy, type, identifier: value("classification.identifier") } : null;
}
