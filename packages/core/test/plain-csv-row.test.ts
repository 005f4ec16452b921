import { describe, expect, it } from "vitest";
import {
  CsvRecords,
  KeySet,
  normaliseRow,
  planColumns,
  PlainCsvRow,
  plainRowResult,
  readPlainCsvLine,
  type HeaderMap,
  type RowResult,
} from "../src/index.ts";

// Per column, values the in-place reader must take (canonical), leave to the general path (to normalise)
// or leave to it to refuse. Whatever it takes must read exactly as the general path reads it.
const VALUES: Record<string, string[]> = {
  timestamp: [
    "2021-03-09 06:00:00",
    "2021-03-09T06:00:00Z",
    "2021-03-09T06:00:00",
    "",
    "2021-02-29 00:00:00",
    "2024-02-29 23:59:59",
    "2021-03-09",
    "1615269600",
    " 2021-03-09 06:00:00",
    "2021-13-01 00:00:00",
    "2021-03-09 24:00:00",
    "1989-12-31 23:59:59",
  ],
  ip: [
    "198.18.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "",
    "198.018.0.1",
    "256.1.1.1",
    "1.2.3",
    "1.2.3.4.5",
    "2001:DB8::1",
    "::ffff:198.18.0.9",
    " 198.18.0.2",
    "1..2.3",
  ],
  port: ["443", "0", "65535", "", "0443", "65536", "-1", " 25", "4a", "123456"],
  hostname: [
    "mail.a.example",
    "",
    "MAIL.A.example",
    "mail.a.example.",
    "-bad.example",
    "198.18.0.7",
    "bücher.example",
    "a_b.example",
    "a..example",
    "x.123",
    "a-.example",
    "*.example",
    `${"x".repeat(64)}.example`,
    `${"x".repeat(63)}.example`,
    `${"abcdefghi.".repeat(24)}examplexxxxxx`,
    `${"abcdefghi.".repeat(24)}examplexxxxxxx`,
  ],
  asn: ["64512", "", "AS64512", "064512", "4294967295", "4294967296", "x"],
  protocol: ["tcp", "", "TCP", " tcp", "udp "],
  severity: ["critical", "", "high", "High", " low"],
  tag: ["exchange;cve-2021-26855", "", " exchange", "x".repeat(1001), "é", 'a "quoted" tag', "a\\b"],
  city: ["Brussels", "", "Liège", "Sint-Pieters-Leeuw", 'Basic realm="x"', "a,b"],
  url: [
    "",
    "https://198.18.0.1/owa/",
    "https://owa.b.example:8443/",
    "http://Mail.C.Example/",
    "not a url",
    "https://[2001:db8::1]/",
  ],
};
const HEADER = Object.keys(VALUES);

function* lines(seed: number, n: number) {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  for (let i = 0; i < n; i++) {
    // Mostly canonical values (the first three), so most lines exercise the in-place reader.
    yield HEADER.map((c) => {
      const v = VALUES[c]!;
      return next() < 0.8 ? v[Math.floor(next() * Math.min(3, v.length))]! : v[Math.floor(next() * v.length)]!;
    });
  }
}

const LAYOUT: HeaderMap = planColumns(HEADER, {}, "csv").map;

// Shadowserver writes every text field in double quotes and escapes a quote inside with a backslash.
const quoted = (v: string) => (/^\d*$/.test(v) ? v : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
// RFC 4180: quotes only where needed, a quote inside doubled.
const rfc = (delimiter: string) => (v: string) =>
  v.includes(delimiter) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;

/** The general path's reading of one line: CsvRecords, then normaliseRow. */
function general(delimiter: string, line: number, text: string): RowResult | null {
  const record = new CsvRecords(delimiter).push(line, text);
  if (!record) return null;
  if ("error" in record) return { ok: false, errors: [{ line, field: "row", message: record.error }] };
  return normaliseRow(line, record.cells, LAYOUT);
}

function compare(delimiter: string, records: string[][], write: (v: string) => string) {
  const row = new PlainCsvRow();
  let inPlace = 0;
  records.forEach((cells, k) => {
    const text = cells.map(write).join(delimiter);
    const expected = general(delimiter, k + 2, text);
    const buf = Buffer.from(`#${text}#`);
    if (readPlainCsvLine(buf, 1, buf.length - 1, k + 2, delimiter.charCodeAt(0), LAYOUT, row)) {
      inPlace++;
      expect(expected?.ok, text).toBe(true);
      expect(plainRowResult(row), text).toEqual(expected);
      const { ip, port, hostname } = plainRowResult(row).row;
      const keys = new KeySet();
      expect(row.addKeyTo(keys), text).toBe(true);
      expect(keys.addParts(ip?.text ?? "", port === null ? "" : String(port), hostname ?? ""), text).toBe(false);
    }
  });
  return inPlace;
}

describe("reading CSV lines in place", () => {
  it("reads what it takes exactly as the general path does, and takes the canonical lines", () => {
    const records = [...lines(2021, 5_000)];
    const inPlace = compare(",", records, (v) => v);
    expect(inPlace).toBeGreaterThan(300);
    // `exchange;cve-...` is two cells with semicolons: fewer lines are plain there.
    expect(compare(";", records, (v) => v)).toBeGreaterThan(100);
    // `a,b` is two cells only with commas.
    expect(compare("\t", records, (v) => v)).toBeGreaterThanOrEqual(inPlace);
  });

  it("takes quoted fields (Shadowserver's quoting, RFC 4180's) as it takes bare ones", () => {
    const records = [...lines(2026, 5_000)];
    const bare = compare(",", records, rfc(","));
    expect(bare).toBeGreaterThan(300);
    // Every text field quoted: the same lines are plain, read to the same rows.
    expect(compare(",", records, quoted)).toBe(bare);
    expect(compare(";", records, rfc(";"))).toBe(bare);
  });

  it("finds an odd byte at any place in a long quoted field (read a word at a time)", () => {
    const odd = ['"', "\\", "\t", "\r", "\u0001", "\u007f", "é", "€", ",", ";"];
    const base = HEADER.map((c) => VALUES[c]![0]!);
    const records: string[][] = [];
    for (let before = 0; before < 12; before++)
      for (let after = 0; after < 6; after++)
        for (const c of ["", ...odd]) {
          const cells = [...base];
          cells[HEADER.indexOf("city")] = `${"a".repeat(before)}${c}${"b".repeat(after)}`;
          cells[HEADER.indexOf("url")] = `https://x.example/${"p".repeat(before * after)}${c}`;
          records.push(cells);
        }
    const always = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const inPlace = compare(",", records, always);
    // Only the fields with a quote, a backslash or a control character are left to the general path.
    expect(inPlace).toBe((records.length * 6) / 11);
    expect(compare(",", records, quoted)).toBe(inPlace);
  });

  it("leaves a quoted field's bytes that are not UTF-8 to the general path, wherever they are", () => {
    const row = new PlainCsvRow();
    const line = HEADER.map((c) => (c === "city" ? '"' + "x".repeat(9) + '"' : VALUES[c]![0]!)).join(",");
    const city = line.indexOf('"x') + 1;
    for (let at = city; at < city + 9; at++) {
      const buf = Buffer.from(line, "latin1");
      buf[at] = 0xe9; // é in latin-1
      expect(readPlainCsvLine(buf, 0, buf.length, 2, 44, LAYOUT, row), String(at)).toBe(false);
      if (at + 2 > city + 9) continue;
      buf.write("é", at, "utf8");
      expect(readPlainCsvLine(buf, 0, buf.length, 2, 44, LAYOUT, row), String(at)).toBe(true);
    }
  });

  it("takes a Shadowserver line as it is and leaves escapes, extra cells and odd bytes to the general path", () => {
    const row = new PlainCsvRow();
    const read = (text: string) => {
      const buf = Buffer.from(text);
      return readPlainCsvLine(buf, 0, buf.length, 2, 44, LAYOUT, row);
    };
    const line = (cells: Record<string, string>) => HEADER.map((c) => cells[c] ?? "").join(",");
    expect(read(line({ ip: "198.18.0.1", port: "443", hostname: "mail.a.example", asn: "64512", city: "Liège" }))).toBe(
      true,
    );
    expect(row).toMatchObject({
      ip: 198 * 2 ** 24 + 18 * 2 ** 16 + 1,
      port: 443,
      asn: 64512,
      hostname: "mail.a.example",
    });
    expect(read(line({ ip: '"198.18.0.1"', hostname: '"owa.b.example"', tag: '"exchange;webshell"' }))).toBe(true);
    expect(plainRowResult(row).row).toMatchObject({ hostname: "owa.b.example", tag: "exchange;webshell" });
    expect(read(line({ ip: "198.18.0.1", city: '"a,b"' }))).toBe(true);
    expect(plainRowResult(row).row.record[HEADER.indexOf("city")]).toBe("a,b");
    expect(read(line({ ip: "198.18.0.1", tag: '"a ""b"""' }))).toBe(false);
    expect(read(line({ ip: "198.18.0.1", city: '"Basic realm=\\"x\\""' }))).toBe(false);
    expect(read(line({ ip: "198.18.0.1", tag: "a\\b" }))).toBe(false);
    expect(read(line({ ip: "198.18.0.1", tag: '"open' }))).toBe(false);
    expect(read(line({ ip: "198.18.0.1", tag: '"x"y' }))).toBe(false);
    expect(read(`${line({ ip: "198.18.0.1" })},extra`)).toBe(false);
    expect(read(line({ ip: "198.18.0.1" }).slice(0, -1))).toBe(false);
    expect(read(Buffer.from([0x31, 0xff]).toString("latin1"))).toBe(false);
  });
});
