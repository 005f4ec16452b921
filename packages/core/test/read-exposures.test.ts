import { describe, expect, it } from "vitest";
import {
  addressText,
  AppError,
  detectFormat,
  plainRowResult,
  rawJson,
  readExposures,
  type ExposureRow,
  type ReadLayout,
  type ReadOptions,
  type RowResult,
} from "../src/index.ts";

/** A row's raw columns as stored (the JSON the exposure's raw column receives), or null. */
const rawOf = (row: ExposureRow) => {
  const json = rawJson(row);
  return json === null ? null : (JSON.parse(json) as Record<string, string>);
};

async function read(text: string | Buffer, chunk = 7, options: ReadOptions = {}) {
  const buf = typeof text === "string" ? Buffer.from(text) : text;
  async function* chunks() {
    // Small chunks: a character, a line or a quoted field may be split anywhere.
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const rows: RowResult[] = [];
  const layouts: ReadLayout[] = [];
  let inPlace = 0;
  const detected = await readExposures(
    chunks(),
    {
      layout: (l) => layouts.push(l),
      plain: (row) => {
        inPlace++;
        rows.push(plainRowResult(row));
      },
      row: (r) => rows.push(r),
      drain: async () => {},
    },
    options,
  );
  const ok = rows.flatMap((r) => (r.ok ? [r.row] : []));
  const errors = rows.flatMap((r) => (r.ok ? [] : r.errors));
  return { detected, ok, errors, inPlace, layouts };
}

const refusal = (text: string, options: ReadOptions = {}) =>
  read(text, 7, options).then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    },
  );

const SCAN_EXCHANGE =
  "timestamp,severity,ip,protocol,port,hostname,tag,asn,geo,region,city,naics,hostname_source,sector,version,servername,url\n" +
  '"2021-03-09 06:00:00",critical,198.18.1.17,tcp,443,mail.a.example,"exchange;cve-2021-26855",64512,BE,Brussels,Brussels,0,rdns,,15.1.2176.2,EX01,https://198.18.1.17/owa/\n';
const LAYOUT_2021 =
  "timestamp,ip,port,hostname,tag,asn,geo,region,city,naics,sic,sector,version\r\n" +
  "2021-03-10 06:00:00,2001:DB8::25,443,,exchange,64512,BE,,,,,,15.2.792.3\r\n";

describe("reading exposure lists", () => {
  it("reads Shadowserver scan_exchange rows by its schema: url and servername stay data", async () => {
    const { detected, ok, errors, inPlace } = await read(SCAN_EXCHANGE);
    expect(detected).toMatchObject({ format: "csv", delimiter: ",", kind: "shadowserver" });
    expect(detected.reportType?.type).toBe("scan_exchange");
    expect(errors).toEqual([]);
    expect(inPlace).toBe(1);
    const row = ok[0]!;
    expect(row).toMatchObject({
      line: 2,
      port: 443,
      protocol: "tcp",
      hostname: "mail.a.example",
      asn: 64512,
      tag: "exchange;cve-2021-26855",
      version: "15.1.2176.2",
      severity: "critical",
    });
    expect(row.ip?.text).toBe("198.18.1.17");
    expect(row.seenAt).toBe("2021-03-09T06:00:00.000Z");
    expect(rawOf(row)).toEqual({
      geo: "BE",
      region: "Brussels",
      city: "Brussels",
      naics: "0",
      hostname_source: "rdns",
      servername: "EX01",
      url: "https://198.18.1.17/owa/",
    });
  });

  it("reads the 2021 layout (sic, no severity or protocol) by its column names, CRLF, IPv6 normalised", async () => {
    const { ok, errors, detected } = await read(LAYOUT_2021);
    expect(detected.kind).toBe("columns");
    expect(errors).toEqual([]);
    expect(ok[0]).toMatchObject({ line: 2, port: 443, hostname: null, protocol: null });
    expect(ok[0]!.ip?.text).toBe("2001:db8::25");
  });

  it("detects semicolons and tabs, reads quoted fields with delimiters, and drops a BOM", async () => {
    const withBom = '\uFEFFip_address;port;note\n198.18.0.1;25;"a; b"\n198.18.0.2;;"two\nlines"\n198.18.0.3;;\n';
    const semi = await read(withBom);
    expect(semi.detected).toMatchObject({ format: "csv", delimiter: ";" });
    expect(semi.ok[0]).toMatchObject({ port: 25 });
    expect(semi.ok.map((r) => [r.line, rawOf(r)])).toEqual([
      [2, { note: "a; b" }],
      [3, { note: "two\nlines" }],
      [5, null],
    ]);
    // The BOM goes before a quoted header too, however the chunks cut it.
    const quoted = '\uFEFF"ip_address";"port"\r\n"198.18.0.1";"25"\r\n';
    for (const chunk of [1, 2, 3, 7]) {
      expect((await read(withBom, chunk)).ok[0]!.layout.columns[0]).toBe("ip_address");
      const q = await read(quoted, chunk);
      expect(q.ok.map((r) => [r.layout.columns[0], r.ip?.text, r.port])).toEqual([["ip_address", "198.18.0.1", 25]]);
    }
    // `host` holds an address or a host name; a destination port is not the host's port.
    const tab = await read("host\tdst_port\nmail.b.example\t587\n198.18.0.9\t\n");
    expect(tab.detected).toMatchObject({ format: "csv", delimiter: "\t" });
    expect(tab.ok.map((r) => [r.hostname, r.ip?.text ?? null, r.port, rawOf(r)])).toEqual([
      ["mail.b.example", null, null, { dst_port: "587" }],
      [null, "198.18.0.9", null, null],
    ]);
  });

  it("reads Shadowserver's backslash-escaped quotes and RFC 4180's doubled ones", async () => {
    const { ok, errors } = await read(
      'ip,banner,note\n"198.18.0.1","Basic realm=\\"\\"OpenWebif\\"\\"","a ""quoted"" word"\n' +
        '"198.18.0.2","C:\\\\temp\\\\","x"\n"198.18.0.3","open\n',
    );
    expect(ok.map((r) => rawOf(r))).toEqual([
      { banner: 'Basic realm=""OpenWebif""', note: 'a "quoted" word' },
      { banner: "C:\\temp\\", note: "x" },
    ]);
    expect(errors).toEqual([{ line: 4, field: "row", message: "unreadable CSV: a quoted field is never closed" }]);
  });

  it("reads quoted fields spanning lines, two in one record, with escapes on any line", async () => {
    const { ok, errors } = await read(
      'ip,banner,note\r\n"198.18.0.1","220 mx\r\n""ESMTP""\r\n\\"ready\\"","first\nsecond"\n198.18.0.2,plain,"x\n"\n',
    );
    expect(errors).toEqual([]);
    expect(ok.map((r) => [r.line, rawOf(r)])).toEqual([
      [2, { banner: '220 mx\n"ESMTP"\n"ready"', note: "first\nsecond" }],
      [6, { banner: "plain", note: "x\n" }],
    ]);
  });

  it("reports each bad field with its line and column, and keeps the good rows", async () => {
    const { ok, errors } = await read(
      "ip,port,timestamp,hostname\n198.18.0.1,443,2021-03-09T06:00:00Z,\n1.2.3,70000,yesterday,-bad-.example\n,,,\n198.18.0.2,22,,\n,,,198.18.0.7\n",
    );
    expect(ok.map((r) => r.line)).toEqual([2, 5]);
    expect(errors).toEqual([
      { line: 3, field: "ip", message: "not an IPv4 or IPv6 address: '1.2.3'" },
      { line: 3, field: "hostname", message: "not a valid hostname: '-bad-.example'" },
      { line: 3, field: "port", message: "port must be a whole number 0-65535: '70000'" },
      { line: 3, field: "timestamp", message: "not a date and time: 'yesterday'" },
      { line: 4, field: "ip", message: "no IP address, network or hostname in this row" },
      // A host name column holding something else is refused, not read as another field.
      { line: 6, field: "hostname", message: "not a valid hostname or IP address: '198.18.0.7'" },
    ]);
  });

  it("reads a describing column named twice from the first, keeping the other as data", async () => {
    const { ok } = await read("ip,time,timestamp,tag,tags\n198.18.0.1,2021-03-09 06:00:00,yesterday,a,b\n");
    expect(ok.map((r) => [r.seenAt, r.tag, rawOf(r)])).toEqual([
      ["2021-03-09T06:00:00.000Z", "a", { timestamp: "yesterday", tags: "b" }],
    ]);
  });

  it("refuses a row with more or fewer fields than the header: its columns would be shifted", async () => {
    const { ok, errors } = await read("ip,port,hostname\n198.18.0.1,443,a.example\n443,a.example\n198.18.0.2,1,b,c\n");
    expect(ok.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, field: "row", message: "2 fields where the header has 3: a delimiter or quote is missing or extra" },
      { line: 4, field: "row", message: "4 fields where the header has 3: a delimiter or quote is missing or extra" },
    ]);
  });

  it("reads networks: a CIDR in an address column is a network, one address wide is an address", async () => {
    const { ok, errors } = await read("ip\n198.51.100.0/24\n2001:db8::/32\n198.51.100.7/32\n198.51.100.7/24\n");
    expect(ok.map((r) => [addressText(r), r.network?.bits ?? null])).toEqual([
      ["198.51.100.0/24", 24],
      ["2001:db8::/32", 32],
      ["198.51.100.7", null],
    ]);
    expect(errors).toEqual([
      { line: 5, field: "ip", message: "'198.51.100.7/24' has host bits set; the network is 198.51.100.0/24" },
    ]);
  });

  it("reads plain text: addresses, networks, hostnames, URLs, host:port, # and ; comments", async () => {
    const { detected, ok, errors } = await read(
      "# leaked list\n198.18.0.1\nMail.A.Example.  # the mail server\n\nhttps://owa.b.example/owa/\n[2001:db8::1]:8443\n198.18.0.2:25\n198.51.100.0/24 ; SBL1\nnot a host\n",
    );
    expect(detected.format).toBe("text");
    expect(ok.map((r) => [r.line, addressText(r), r.hostname, r.port])).toEqual([
      [2, "198.18.0.1", null, null],
      [3, null, "mail.a.example", null],
      [5, null, "owa.b.example", 443],
      [6, "2001:db8::1", null, 8443],
      [7, "198.18.0.2", null, 25],
      [8, "198.51.100.0/24", null, null],
    ]);
    expect(errors).toEqual([{ line: 9, field: "value", message: "not an IP address, hostname or URL: 'not a host'" }]);
    await expect(refusal("198.18.0.1\n", { reportType: "scan_exchange" })).resolves.toMatchObject({
      message: expect.stringMatching(/plain text/),
    });
  });

  it("reads a JSON array, NDJSON, and an object holding the rows (pretty-printed or not)", async () => {
    const json = await read(
      '[\n {"ip": "198.18.0.1", "port": 443, "extra": {"a": 1}},\n {"hostname": "x.example"},\n "198.18.0.3",\n {"ip": "bad"},\n {"note": "no address"}\n]\n',
      5,
    );
    expect(json.detected.format).toBe("json");
    expect(json.ok.map((r) => [r.line, r.ip?.text ?? r.hostname, r.port])).toEqual([
      [2, "198.18.0.1", 443],
      [3, "x.example", null],
      [4, "198.18.0.3", null],
    ]);
    expect(rawOf(json.ok[0]!)).toEqual({ extra: '{"a":1}' });
    expect(json.errors).toEqual([
      { line: 5, field: "ip", message: "not an IPv4 or IPv6 address: 'bad'" },
      { line: 6, field: "row", message: "no address field in this object" },
    ]);
    const nd = await read('{"src_ip":"198.18.0.1","dst_port":"8080"}\n{"fqdn":"a.example"}{"ip":"198.18.0.2"}\n');
    expect(nd.detected.format).toBe("ndjson");
    expect(nd.ok.map((r) => addressText(r) ?? r.hostname)).toEqual(["198.18.0.1", "a.example", "198.18.0.2"]);
    for (const text of [
      '{"results":[{"ip":"198.18.0.4"},{"ip":"198.18.0.5"}],"count":2}',
      '{\n"a": 1,\n"rows": [\n{"ip": "198.18.0.4"}, {"ip": "198.18.0.5"}\n]\n}\n',
    ]) {
      const holder = await read(text, 3);
      expect(holder.detected.format).toBe("json");
      expect(holder.ok.map((r) => r.ip?.text)).toEqual(["198.18.0.4", "198.18.0.5"]);
    }
    // An object that names its address first is a row, whatever arrays it holds.
    const row = await read('{"ip": "198.18.0.6", "services": [{"port": 22}]}\n');
    expect(row.ok.map((r) => [r.ip?.text, rawOf(r)])).toEqual([["198.18.0.6", { services: '[{"port":22}]' }]]);
  });

  it("refuses malformed JSON whole, naming the line and column, and nesting past 64 levels", async () => {
    const cases: [string, RegExp][] = [
      ['[{"ip": "198.18.0.1"},\n{"ip" "198.18.0.2"}]', /line 2, column 7: expected ':'/],
      ['{"ip": "198.18.0.1"}\n{oops\n', /line 2, column 2: expected a key/],
      ['[{"ip": "198.18.0.1"}', /ends inside the array opened at line 1, column 1/],
      ['[{"ip": "198.18.0.1"}] x', /text after the end of the JSON array/],
      ['{"a": [{"ip": "1.1.1.1"}], "b": [{"ip": "2.2.2.2"}]}', /two arrays of rows \(a and b\)/],
      [`[${'{"ip": "198.18.0.1"},'.repeat(10)}{"ip": "198.18.0.1\u0001"}]`, /control character/],
      ['[{"ip": tru}]', /'tru' is not a JSON value/],
      ["[" + "[".repeat(200_000), /nested deeper than 64 levels/],
      ['{"a":'.repeat(100), /nested deeper than 64 levels/],
    ];
    for (const [text, message] of cases) expect((await refusal(text)).message, text.slice(0, 40)).toMatch(message);
  });

  it("reads Shodan's export by ip_str (its `ip` is an integer) and IntelMQ's events by source.*", async () => {
    const shodan = await read(
      '{"ip": 3323068417, "ip_str": "198.18.0.1", "port": 443, "hostnames": ["b.example", "a.example"], "asn": "AS64496", "timestamp": "2021-03-10T12:34:56.789012", "vulns": {"CVE-2021-26855": {}}}\n',
    );
    expect(shodan.detected.kind).toBe("shodan");
    expect(shodan.ok[0]).toMatchObject({ hostname: "b.example", asn: 64496, port: 443, tag: "CVE-2021-26855" });
    expect(rawOf(shodan.ok[0]!)).toMatchObject({ ip: "3323068417", hostnames: '["b.example","a.example"]' });
    const intelmq = await read(
      '[{"source.ip": "198.18.0.2", "source.reverse_dns": "r.a.example", "destination.ip": "203.0.113.1", "destination.fqdn": "c2.other.example", "time.source": "2021-03-09T00:00:00+00:00"}]',
    );
    expect(intelmq.detected.kind).toBe("intelmq");
    expect(intelmq.ok.map((r) => [r.ip?.text, r.hostname, r.seenAt])).toEqual([
      ["198.18.0.2", "r.a.example", "2021-03-09T00:00:00.000Z"],
    ]);
  });

  it("refuses ambiguous headers and those with no address to route by, saying how to map them", async () => {
    const two = await refusal("ip,ip_address,port\n198.18.0.1,198.18.0.2,1\n");
    expect(two.message).toMatch(
      /ambiguous: ip, ip_address could each be the ip.*columns=\{"ip":"ip","ip_address":"ignore"\}/,
    );
    expect(two.details).toEqual([
      { line: 1, field: "ip", message: "ip, ip_address could each be the ip" },
      { line: 1, field: "ip_address", message: "ip, ip_address could each be the ip" },
    ]);
    expect((await refusal("ip,network\n198.18.0.1,198.18.0.0/24\n")).message).toMatch(
      /ip, network could each be the address to notify/,
    );
    expect((await refusal("url,server\n/x,nginx\n")).message).toMatch(/no address column.*url, server never route/);
    expect((await refusal("owner,city\nfoo,bar\n")).details).toEqual([
      { line: 1, field: "header", message: "no address column" },
    ]);
    expect((await refusal("198.18.0.1,443\n")).message).toMatch(/no header row/);
    expect((await refusal("ip\n198.18.0.1\n", { columns: { nope: "ip" } })).message).toMatch(/no column 'nope'/);
    expect((await refusal("ip\n198.18.0.1\n", { columns: { ip: "owner" } })).message).toMatch(
      /'owner' for ip is not a role/,
    );
    expect((await refusal("ip\n198.18.0.1\n", { reportType: "scan_nothing" })).message).toMatch(/not a Shadowserver/);
    expect((await refusal("ip,a,b\n198.18.0.1,x,y\n", { columns: { a: "tag", b: "tag" } })).message).toMatch(
      /a, b are both mapped to tag/,
    );
    const mapped = await read("ip,ip_address,url\n198.18.0.1,198.18.0.2,h.a.example\n", 7, {
      columns: { ip_address: "ip", url: "hostname" },
    });
    expect(mapped.ok.map((r) => [r.ip?.text, r.hostname])).toEqual([["198.18.0.2", "h.a.example"]]);
    expect(mapped.layouts[0]!.columns).toEqual([
      { name: "ip", role: null, by: null },
      { name: "ip_address", role: "ip", by: "mapping" },
      { name: "url", role: "hostname", by: "mapping" },
    ]);
  });

  it("names the report type from the upload over the header, and refuses a header that does not fit it", async () => {
    const named = await read("src_ip,src_port,dst_ip\n198.18.0.1,80,203.0.113.1\n", 7, {
      reportType: "event4_ddos_participant",
    });
    expect(named.detected.reportType?.type).toBe("event4_ddos_participant");
    expect(named.ok.map((r) => [r.ip?.text, r.port])).toEqual([["198.18.0.1", 80]]);
    expect((await refusal("ip,port\n198.18.0.1,1\n", { reportType: "event4_ddos_participant" })).message).toMatch(
      /DDoS Participant report \(event4_ddos_participant\), but its header has no src_ip column/,
    );
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
  it("refuses binary files and empty files, saying why", () => {
    expect(fails("PK\u0003\u0004\u0000\u0000binary")).toMatch(/binary file/);
    expect(fails("\n# only a comment\n")).toMatch(/empty/);
  });
  it("takes a one-column file with a header naming its role as CSV, otherwise as text", () => {
    expect(detectFormat("ip\n198.18.0.1\n")).toEqual({ format: "csv", delimiter: "," });
    expect(detectFormat('"hostname"\na.example\n')).toEqual({ format: "csv", delimiter: "," });
    expect(detectFormat("198.18.0.1\n")).toEqual({ format: "text" });
  });
});
