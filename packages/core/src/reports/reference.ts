/** The counter scope of incident-report references in reference_counter. */
export const REPORT_REFERENCE_SCOPE = "incident-report";

/** CERT-2026-000123: the year and a gapless per-year number, padded so references sort as text. */
export const formatReportReference = (year: number, n: number) => `CERT-${year}-${String(n).padStart(6, "0")}`;

export const REPORT_REFERENCE_PATTERN = /^CERT-\d{4}-\d{6,}$/;
