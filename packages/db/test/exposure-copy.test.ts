import { CsvRecords, normaliseRow, planColumns, PlainCsvRow, plainRowResult, readPlainCsvLine } from "@baken/core";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ExposureCopy, matchTail } from "../src/lists/exposure-copy.ts";

const HEADER = "timestamp,ip,port,hostname,asn,protocol,tag,version,severity,geo,city,naics";
// Bare and in Shadowserver's quotes alike.
const LINES = [
  "2021-03-09 06:00:00,198.18.0.1,443,mail.a.example,64512,tcp,exchange;cve-2021-26855,Exchange 2016,critical,BE,Liège,517311",
  "2021-03-09T06:00:01Z,198.18.0.2,,,,,,,,,,",
  "2021-03-09T23:59:59,,25,owa.b.example,4294967295,udp,,15.2.792.3,,,Sint-Pieters-Leeuw,",
  ",192.0.2.7,0,x_y.example,0,tcp,a b,v,high,NL,,0",
  "1999-02-28 12:00:00,255.255.255.255,65535,a.example,,tcp,tag,,,DE,Aachen,",
  // The calendar's corners: leap days (2000 is a leap year, 2100 not), the ends of the years read in place.
  "2024-02-29 00:00:00,198.18.0.4,,,,,,,,,,",
  "2000-02-29T23:59:59,198.18.0.5,,,,,,,,,,",
  "2000-03-01 00:00:00,198.18.0.6,,,,,,,,,,",
  "1990-01-01 00:00:00,198.18.0.7,,,,,,,,,,",
  "2100-12-31T23:59:59Z,198.18.0.8,,,,,,,,,,",
  "2100-03-01 12:34:56,198.18.0.9,,,,,,,,,,",
  '"2026-03-09 06:00:00","198.18.0.3",443,"mail.c.example",64512,"tcp","exchange;webshell","15.1","critical","BE","a, b",0',
];
const NO_MATCH = matchTail(null, null, null);

function collect() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { copy: new ExposureCopy(stream), bytes: () => Buffer.concat(chunks) };
}

/** PostgreSQL's binary COPY read back: signature, then tuples of fields (null: NULL), then the trailer. */
function tuples(data: Buffer): (Buffer | null)[][] {
  expect(data.subarray(0, 19)).toEqual(Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]));
  const out: (Buffer | null)[][] = [];
  let pos = 19;
  for (;;) {
    const count = data.readInt16BE(pos);
    pos += 2;
    if (count === -1) break;
    if (count !== 14) throw new Error(`a tuple of ${count} fields`);
    const fields: (Buffer | null)[] = [];
    for (let i = 0; i < count; i++) {
      const length = data.readInt32BE(pos);
      pos += 4;
      fields.push(length < 0 ? null : data.subarray(pos, (pos += length)));
    }
    out.push(fields);
  }
  expect(pos).toBe(data.length);
  return out;
}

const int = (b: Buffer | null) => (b === null ? null : b.length === 4 ? b.readInt32BE(0) : Number(b.readBigInt64BE(0)));
const text = (b: Buffer | null) => b?.toString("utf8") ?? null;
/** timestamptz: microseconds from 2000-01-01 UTC. */
const time = (b: Buffer | null) => (b === null ? null : new Date(Date.UTC(2000, 0, 1) + int(b)! / 1000).toISOString());

describe("COPY data of an exposure row", () => {
  it("is the same, byte for byte, whether the row was read in place or through the general path", async () => {
    const layout = planColumns(HEADER.split(","), {}, "csv").map;
    const row = new PlainCsvRow();
    const inPlace = collect();
    const general = collect();
    LINES.forEach((line, k) => {
      const buf = Buffer.from(line);
      expect(readPlainCsvLine(buf, 0, buf.length, k + 2, 44, layout, row), line).toBe(true);
      inPlace.copy.plain(row, NO_MATCH);
      general.copy.row(plainRowResult(row).row, NO_MATCH);
    });
    await inPlace.copy.end();
    await general.copy.end();

    const rows = tuples(general.bytes());
    expect(rows).toHaveLength(LINES.length);
    const [first] = rows;
    expect(int(first![0]!)).toBe(2);
    expect([...first![1]!]).toEqual([2, 32, 0, 4, 198, 18, 0, 1]); // inet: IPv4, /32, 4 bytes
    expect(int(first![2]!)).toBe(443);
    expect(first!.slice(3, 5).map(text)).toEqual(["tcp", "mail.a.example"]);
    expect(int(first![5]!)).toBe(64512);
    expect(time(first![6]!)).toBe("2021-03-09T06:00:00.000Z");
    expect(first!.slice(7).map(text)).toEqual([
      "exchange;cve-2021-26855",
      "Exchange 2016",
      "critical",
      '{"geo":"BE","city":"Liège","naics":"517311"}',
      null,
      null,
      null,
    ]);
    expect(rows[1]!.map((f, i) => (i === 6 ? time(f) : f === null))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      "2021-03-09T06:00:01.000Z",
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(int(rows[2]![5]!)).toBe(4294967295);
    expect(time(rows[4]![6]!)).toBe("1999-02-28T12:00:00.000Z");
    expect(text(rows.at(-1)![10]!)).toBe('{"geo":"BE","city":"a, b","naics":"0"}');
    expect(rows.slice(5, -1).map((r) => time(r[6]!))).toEqual([
      "2024-02-29T00:00:00.000Z",
      "2000-02-29T23:59:59.000Z",
      "2000-03-01T00:00:00.000Z",
      "1990-01-01T00:00:00.000Z",
      "2100-12-31T23:59:59.000Z",
      "2100-03-01T12:34:56.000Z",
    ]);
    expect(inPlace.bytes()).toEqual(general.bytes());
  });

  it("ends with the match columns of matchTail: the owner's uuid as 16 bytes, the reason, the digest", async () => {
    const { copy, bytes } = collect();
    const buf = Buffer.from("198.18.0.1");
    const row = new PlainCsvRow();
    expect(readPlainCsvLine(buf, 0, buf.length, 2, 44, planColumns(["ip"], {}, "csv").map, row)).toBe(true);
    copy.plain(row, matchTail("5b2e9a3c-0000-4000-8000-00000000000f", "network", "ab".repeat(16)));
    await copy.end();
    const [fields] = tuples(bytes());
    expect(fields!.slice(11).map((f) => f?.toString("hex"))).toEqual([
      "5b2e9a3c00004000800000000000000f",
      Buffer.from("network").toString("hex"),
      Buffer.from("ab".repeat(16)).toString("hex"),
    ]);
  });
});

describe("COPY data of a row whose column names need escaping", () => {
  it("writes the raw keys in place as the general path does (JSON's escapes)", async () => {
    // A header mangled in transit: a column name holding a quote and a backslash.
    const layout = planColumns(["ip", 'we"ird', "back\\slash", "tab\there"], {}, "csv").map;
    const row = new PlainCsvRow();
    const inPlace = collect();
    const general = collect();
    const buf = Buffer.from("198.18.0.1,a,b,c");
    expect(readPlainCsvLine(buf, 0, buf.length, 2, 44, layout, row)).toBe(true);
    inPlace.copy.plain(row, NO_MATCH);
    general.copy.row(plainRowResult(row).row, NO_MATCH);
    await inPlace.copy.end();
    await general.copy.end();
    const raw = text(tuples(general.bytes())[0]![10]!);
    expect(JSON.parse(raw!)).toEqual({ 'we"ird': "a", "back\\slash": "b", "tab\there": "c" });
    expect(inPlace.bytes()).toEqual(general.bytes());
  });
});

describe("COPY data of many rows, read in place and not, in one COPY", () => {
  // Fields of every length (the in-place copy moves four bytes at a time and may read past a field's end,
  // up to the end of the upload's bytes), non-ASCII text, and the values only the general path takes:
  // doubled quotes, and the backslash, tab, carriage return and line break JSON escapes.
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

  it("is the same data whichever path each row took, across flushes and buffers", async () => {
    const csv = new CsvRecords(",");
    const row = new PlainCsvRow();
    const mixed = collect();
    const general = collect();
    const tails = [NO_MATCH, matchTail("5b2e9a3c-0000-4000-8000-000000000002", "network", "ab".repeat(16))];
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
    const data = general.bytes();
    expect(data.length).toBeGreaterThan(1.5 * 1024 * 1024);
    const cities = tuples(data).map((fields) => JSON.parse(text(fields[10]!) ?? "{}").city);
    expect(cities).toHaveLength(6_000);
    expect(cities).toEqual(expect.arrayContaining(odd));
    // Each as JSON writes it (a backslash, quote, tab, CR or line break escaped).
    const all = data.toString("utf8");
    for (const v of odd) expect(all).toContain(JSON.stringify(v));
    // Buffer's own comparison: vitest's deep equality walks 1.5 MB a byte at a time, for seconds.
    expect(mixed.bytes().equals(data)).toBe(true);
  });
});
