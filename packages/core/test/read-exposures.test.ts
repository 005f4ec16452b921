import { describe, expect, it } from "vitest";
import {
  AppError,
  detectFormat,
  plainRowResult,
  rawJson,
  readExposures,
  type ExposureRow,
  type RowResult,
} from "../src/index.ts";

/** A row's raw columns as stored (the JSON the exposure's raw column receives), or null. */
const rawOf = (row: ExposureRow) => {
  const json = rawJson(row);
  return json === null ? null : (JSON.parse(json) as Record<string, string>);
};

async function read(text: string | Buffer, chunk = 7) {
  const buf = typeof text === "string" ? Buffer.from(text) : text;
  async function* chunks() {
    // Small chunks: a character, a line or a quoted field may be split anywhere.
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const rows: RowResult[] = [];
  let inPlace = 0;
  const detected = await readExposures(chunks(), {
    plain: (row) => {
      inPlace++;
      rows.push(plainRowResult(row));
    },
    row: (r) => rows.push(r),
    drain: async () => {},
  });
  const ok = rows.flatMap((r) => (r.ok ? [r.row] : []));
  const errors = rows.flatMap((r) => (r.ok ? [] : r.errors));
  return { detected, ok, errors, inPlace };
}

const SCAN_EXCHANGE =
  "timestamp,severity,ip,protocol,port,hostname,tag,asn,geo,region,city,naics,hostname_source,sector,version,servername,url\n" +
  '"2021-03-09 06:00:00",critical,198.18.1.17,tcp,443,mail.a.example,"exchange;cve-2021-26855",64512,BE,Brussels,Brussels,0,rdns,,15.1.2176.2,EX01,https://198.18.1.17/owa/\n';
const LAYOUT_2021 =
  "timestamp,ip,port,hostname,tag,asn,geo,region,city,naics,sic,sector,version\r\n" +
  "2021-03-10 06:00:00,2001:DB8::25,443,,exchange,64512,BE,,,,,,15.2.792.3\r\n";

describe("reading exposure lists", () => {
  it("reads Shadowserver scan_exchange rows: canonical fields, the rest kept raw", async () => {
    const { detected, ok, errors } = await read(SCAN_EXCHANGE);
    expect(detected).toEqual({ format: "csv", delimiter: "," });
    expect(errors).toEqual([]);
    expect(ok).toHaveLength(1);
    const row = ok[0]!;
    expect(row).toMatchObject({
      line: 2,
      port: 443,
      protocol: "tcp",
      hostname: "mail.a.example",
      asn: 64512,
      tag: "exchange;cve-2021-26855",
      version: "15.1.2176.2",
    });
    expect(row.ip?.text).toBe("198.18.1.17");
    expect(row.seenAt).toBe("2021-03-09T06:00:00.000Z");
    expect(rawOf(row)).toEqual({
      severity: "critical",
      geo: "BE",
      region: "Brussels",
      city: "Brussels",
      naics: "0",
      hostname_source: "rdns",
      servername: "EX01",
    });
  });

  it("reads the 2021 layout (sic, no severity or protocol), CRLF, IPv6 normalised", async () => {
    const { ok, errors } = await read(LAYOUT_2021);
    expect(errors).toEqual([]);
    expect(ok[0]).toMatchObject({ line: 2, port: 443, hostname: null, protocol: null });
    expect(ok[0]!.ip?.text).toBe("2001:db8::25");
  });

  it("detects semicolons and tabs, reads quoted fields with delimiters, and drops a BOM", async () => {
    const withBom = '\uFEFFip_address;port;note\n198.18.0.1;25;"a; b"\n198.18.0.2;;"two\nlines"\n198.18.0.3;;\n';
    const semi = await read(withBom);
    expect(semi.detected).toEqual({ format: "csv", delimiter: ";" });
    expect(semi.ok[0]).toMatchObject({ port: 25 });
    expect(semi.ok.map((r) => [r.line, rawOf(r)])).toEqual([
      [2, { note: "a; b" }],
      [3, { note: "two\nlines" }],
      [5, null],
    ]);
    // The BOM also goes when it is split across the first chunks.
    for (const chunk of [2, 7]) expect((await read(withBom, chunk)).ok[0]!.layout.columns[0]).toBe("ip_address");
    const tab = await read("host\tdst_port\nmail.b.example\t587\n198.18.0.9\t\n");
    expect(tab.detected).toEqual({ format: "csv", delimiter: "\t" });
    expect(tab.ok.map((r) => [r.hostname, r.ip?.text ?? null, r.port])).toEqual([
      ["mail.b.example", null, 587],
      [null, "198.18.0.9", null],
    ]);
  });

  it("reports each bad field with its line and column, and keeps the good rows", async () => {
    const { ok, errors } = await read(
      "ip,port,timestamp,hostname\n198.18.0.1,443,2021-03-09T06:00:00Z,\n1.2.3,70000,yesterday,-bad-.example\n,,,\n198.18.0.2,22,,\n",
    );
    expect(ok.map((r) => r.line)).toEqual([2, 5]);
    expect(errors).toEqual([
      { line: 3, field: "ip", message: "not an IPv4 or IPv6 address: '1.2.3'" },
      { line: 3, field: "hostname", message: "not a valid hostname: '-bad-.example'" },
      { line: 3, field: "port", message: "port must be a whole number 0-65535: '70000'" },
      { line: 3, field: "timestamp", message: "not a date and time: 'yesterday'" },
      { line: 4, field: "ip", message: "no IP address or hostname in this row" },
    ]);
  });

  it("reads plain text: addresses, hostnames, URLs, host:port, # comments", async () => {
    const { detected, ok, errors } = await read(
      "# leaked list\n198.18.0.1\nMail.A.Example.  # the mail server\n\nhttps://owa.b.example/owa/\n[2001:db8::1]:8443\n198.18.0.2:25\nnot a host\n",
    );
    expect(detected.format).toBe("text");
    expect(ok.map((r) => [r.line, r.ip?.text ?? null, r.hostname, r.port])).toEqual([
      [2, "198.18.0.1", null, null],
      [3, null, "mail.a.example", null],
      [5, null, "owa.b.example", 443],
      [6, "2001:db8::1", null, 8443],
      [7, "198.18.0.2", null, 25],
    ]);
    expect(errors).toEqual([{ line: 8, field: "value", message: "not an IP address, hostname or URL: 'not a host'" }]);
  });

  it("reads a JSON array and NDJSON of objects with the same field names", async () => {
    const json = await read(
      '[\n {"ip": "198.18.0.1", "port": 443, "extra": {"a": 1}},\n {"hostname": "x.example"},\n "198.18.0.3",\n {"ip": "bad"}\n]\n',
      5,
    );
    expect(json.detected.format).toBe("json");
    expect(json.ok.map((r) => [r.line, r.ip?.text ?? r.hostname, r.port])).toEqual([
      [2, "198.18.0.1", 443],
      [3, "x.example", null],
      [4, "198.18.0.3", null],
    ]);
    expect(rawOf(json.ok[0]!)).toEqual({ extra: '{"a":1}' });
    expect(rawJson(json.ok[0]!)).toBe('{"extra":"{\\"a\\":1}"}');
    expect(json.errors).toEqual([{ line: 5, field: "ip", message: "not an IPv4 or IPv6 address: 'bad'" }]);
    const nd = await read('{"src_ip":"198.18.0.1","dst_port":"8080"}\n{oops\n{"domain":"a.example"}\n');
    expect(nd.detected.format).toBe("ndjson");
    expect(nd.ok.map((r) => r.ip?.text ?? r.hostname)).toEqual(["198.18.0.1", "a.example"]);
    expect(nd.errors).toEqual([{ line: 2, field: "row", message: "not valid JSON" }]);
  });
});

describe("format detection", () => {
  const fails = (sample: string) => {
    try {
      detectFormat(sample);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).message;
    }
    throw new Error("expected an error");
  };
  it("refuses binary files, empty files and headers without an address column, saying why", () => {
    expect(fails("PK\u0003\u0004\u0000\u0000binary")).toMatch(/binary file/);
    expect(fails("\n# only a comment\n")).toMatch(/empty/);
    expect(fails("name,city\nfoo,bar\n")).toMatch(/no address column \(found: name, city\)/);
    expect(fails("198.18.0.1,443\n")).toMatch(/no header row/);
  });
  it("takes a one-column file with an address header as CSV, otherwise as text", () => {
    expect(detectFormat("ip\n198.18.0.1\n")).toEqual({ format: "csv", delimiter: "," });
    expect(detectFormat("198.18.0.1\n")).toEqual({ format: "text" });
  });
});
