import { CsvRecords, normaliseRow, planColumns, PlainCsvRow, plainRowResult, readPlainCsvLine } from "@baken/core";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ExposureCopy } from "../src/lists/exposure-copy.ts";

const HEADER = "timestamp,ip,port,hostname,asn,protocol,tag,version,severity,geo,city,naics";
// Bare and in Shadowserver's quotes alike.
const LINES = [
  "2021-03-09 06:00:00,198.18.0.1,443,mail.a.example,64512,tcp,exchange;cve-2021-26855,Exchange 2016,critical,BE,Liège,517311",
  "2021-03-09T06:00:01Z,198.18.0.2,,,,,,,,,,",
  "2021-03-09T23:59:59,,25,owa.b.example,4294967295,udp,,15.2.792.3,,,Sint-Pieters-Leeuw,",
  ",192.0.2.7,0,x_y.example,0,tcp,a b,v,high,NL,,0",
  "2024-02-29 12:00:00,255.255.255.255,65535,a.example,,tcp,tag,,,DE,Aachen,",
  '"2026-03-09 06:00:00","198.18.0.3",443,"mail.c.example",64512,"tcp","exchange;webshell","15.1","critical","BE","a, b",0',
];

function collect() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { copy: new ExposureCopy(stream), text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("COPY text of an exposure row", () => {
  it("is the same, byte for byte, whether the row was read in place or through the general path", async () => {
    const layout = planColumns(HEADER.split(","), {}, "csv").map;
    const row = new PlainCsvRow();
    const inPlace = collect();
    const general = collect();
    const tail = Buffer.from("\t\\N\t\\N\t\\N\n");
    LINES.forEach((text, k) => {
      const buf = Buffer.from(text);
      expect(readPlainCsvLine(buf, 0, buf.length, k + 2, 44, layout, row), text).toBe(true);
      inPlace.copy.plain(row, tail);
      general.copy.row(plainRowResult(row).row, tail);
    });
    await inPlace.copy.end();
    await general.copy.end();

    const lines = general.text().split("\n");
    expect(lines).toHaveLength(LINES.length + 1);
    expect(lines[0]).toBe(
      [
        "2",
        "198.18.0.1",
        "443",
        "tcp",
        "mail.a.example",
        "64512",
        "2021-03-09T06:00:00.000Z",
        "exchange;cve-2021-26855",
        "Exchange 2016",
        "critical",
        '{"geo":"BE","city":"Liège","naics":"517311"}',
        "\\N\t\\N\t\\N",
      ].join("\t"),
    );
    expect(lines[1]).toContain("\t\\N\t\\N\t\\N\t\\N\t2021-03-09T06:00:01.000Z\t\\N\t\\N\t\\N\t\\N\t");
    expect(lines[5]).toContain('\t{"geo":"BE","city":"a, b","naics":"0"}\t');
    expect(inPlace.text()).toBe(general.text());
  });
});

describe("COPY text of a row whose column names need escaping", () => {
  it("escapes the raw keys for COPY in place as the general path does (a backslash from JSON's \\\" escape)", async () => {
    // A header mangled in transit: a column name holding a quote and a backslash.
    const layout = planColumns(["ip", 'we"ird', "back\\slash", "tab\there"], {}, "csv").map;
    const row = new PlainCsvRow();
    const inPlace = collect();
    const general = collect();
    const tail = Buffer.from("\t\\N\t\\N\t\\N\n");
    const buf = Buffer.from("198.18.0.1,a,b,c");
    expect(readPlainCsvLine(buf, 0, buf.length, 2, 44, layout, row)).toBe(true);
    inPlace.copy.plain(row, tail);
    general.copy.row(plainRowResult(row).row, tail);
    await inPlace.copy.end();
    await general.copy.end();
    expect(general.text()).toContain('{"we\\\\"ird":"a","back\\\\\\\\slash":"b","tab\\\\there":"c"}');
    expect(inPlace.text()).toBe(general.text());
  });
});

describe("COPY text of many rows, read in place and not, in one COPY", () => {
  // Fields of every length (the in-place copy moves four bytes at a time and may read past a field's end,
  // up to the end of the upload's bytes), non-ASCII text, and the values only the general path takes:
  // doubled quotes, and the backslash, tab, carriage return and line break COPY escapes.
  const header = "timestamp,ip,port,hostname,asn,protocol,tag,version,severity,city,url";
  const layout = planColumns(header.split(","), {}, "csv").map;
  const odd = ['a "quoted" b', "back\\slash", "tab\there", "cr\rhere", "line\nbreak", "Liège", "ünï", "€"];
  function line(k: number): string {
    const long = "x".repeat(k % 37) + (k % 5 === 0 ? "é" : "") + "y".repeat(k % 4);
    const city = k % 7 === 3 ? odd[k % odd.length]! : long;
    const url = k % 11 === 0 ? "" : `https://198.18.${k % 256}.1/${"p".repeat(k % 301)}`;
    const ts = k % 13 === 0 ? "" : `"2026-03-09 ${String(k % 24).padStart(2, "0")}:00:00"`;
    const host = k % 3 === 0 ? `"h${k}.isp.example"` : "";
    return [
      ts,
      `"198.18.${k % 256}.${k % 7}"`,
      k % 9 === 0 ? "" : 443,
      host,
      k % 2 ? 64512 + k : "",
      '"tcp"',
      `"t${"g".repeat(k % 9)}"`,
      '"15.1"',
      '"critical"',
      `"${city.replace(/"/g, '""')}"`,
      `"${url}"`,
    ].join(",");
  }

  it("is the same text whichever path each row took, across flushes and buffers", async () => {
    const csv = new CsvRecords(",");
    const row = new PlainCsvRow();
    const mixed = collect();
    const general = collect();
    const tails = [
      Buffer.from("\t\\N\t\\N\t\\N\n"),
      Buffer.from(`\t5b2e9a3c-0000-4000-8000-000000000002\tnetwork\t${"ab".repeat(32)}\n`),
    ];
    let inPlace = 0;
    for (let k = 0; k < 6_000; k++) {
      const text = line(k);
      const tail = tails[k % 2]!;
      // The line alone in its buffer, or inside a bigger one: its last field ends the bytes or does not.
      const buf = k % 2 ? Buffer.from(text) : Buffer.from(`${text}\n${text}`);
      const record = csv.push(k + 2, text);
      if (!record || "error" in record) throw new Error(`unreadable line ${text}`);
      const result = normaliseRow(k + 2, record.cells, layout);
      if (!result.ok) throw new Error(`refused line ${text}: ${JSON.stringify(result.errors)}`);
      if (readPlainCsvLine(buf, 0, Buffer.byteLength(text), k + 2, 44, layout, row)) {
        inPlace++;
        mixed.copy.plain(row, tail);
      } else mixed.copy.row(result.row, tail);
      general.copy.row(result.row, tail);
      if (mixed.copy.full) await mixed.copy.flush();
      if (k % 1000 === 0) await general.copy.flush();
    }
    await mixed.copy.end();
    await general.copy.end();
    expect(inPlace).toBeGreaterThan(4_000);
    expect(inPlace).toBeLessThan(6_000);
    const text = general.text();
    expect(text.length).toBeGreaterThan(1.5 * 1024 * 1024);
    // JSON's escapes, COPY-escaped.
    expect(text).toContain(String.raw`"city":"back\\\\slash"`);
    expect(text).toContain(String.raw`"city":"tab\\there"`);
    expect(text).toContain(String.raw`"city":"cr\\rhere"`);
    expect(text).toContain(String.raw`"city":"line\\nbreak"`);
    expect(text).toContain(String.raw`"city":"a \\"quoted\\" b"`);
    expect(mixed.text()).toBe(text);
  });
});
