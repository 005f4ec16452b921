// Cells of every CSV Baken writes (notice attachments, exports). A spreadsheet runs a cell that starts with
// = + - @ (or a tab / carriage return that some importers strip first) as a formula: "CSV injection".
// Such a cell gets a leading apostrophe, which spreadsheets show as text and hide; then RFC 4180 quoting.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field, formula-neutralised and quoted when needed. null/undefined become an empty field. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are data, not formulas: "-1" from a number stays a number.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export const csvRow = (cells: readonly unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;
