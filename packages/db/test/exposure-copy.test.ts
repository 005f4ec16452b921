import { planColumns, PlainCsvRow, plainRowResult, readPlainCsvLine } from "@baken/core";
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
const LIST_ID = "5b2e9a3c-0000-4000-8000-000000000001";

function collect() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { copy: new ExposureCopy(stream, LIST_ID), text: () => Buffer.concat(chunks).toString("utf8") };
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
        LIST_ID,
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
