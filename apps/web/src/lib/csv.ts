// CSV the console writes (exports) and reads (attachment rows of a notice preview).

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab / carriage return, which some
 * spreadsheets strip before looking) is prefixed with an apostrophe, as OWASP's CSV-injection advice says.
 */
export function neutraliseCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const quote = (s: string) => (/[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** RFC 4180 CSV, CRLF line ends, every cell neutralised. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map((cell) => quote(neutraliseCell(cell))).join(",")).join("\r\n") + "\r\n";
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Offers text as a file download, without a round trip to the server. */
export function download(fileName: string, text: string, type = "text/csv;charset=utf-8") {
  // The BOM makes spreadsheet programs read UTF-8 (organization names with accents) correctly.
  const blob = new Blob(["\ufeff", text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
