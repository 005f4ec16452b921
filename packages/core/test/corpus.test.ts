import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addressText,
  AppError,
  buildMatcher,
  plainRowResult,
  readExposures,
  type ExposureRow,
  type ReadOptions,
  type RowError,
} from "../src/index.ts";

// The corpus (test/corpus/): one report per Shadowserver family in its published layout (quoted text
// fields, the type's column order), the dialects (BOM before a quoted or bare header, CRLF, `;`, tab,
// backslash-escaped quotes), Shodan's and IntelMQ's exports, and the headers Baken must refuse. Every
// address of the party to notify is in 198.51.100.0/24 or 2001:db8:1::/48 (source.example, AS64501); the
// other side of an event (honeypot, sinkhole, attacked target, contacted domain) in 203.0.113.0/24 or
// 2001:db8:2::/48 (other.example, AS64502).
const CORPUS = new URL("./corpus/", import.meta.url);

const REGISTRY = buildMatcher({
  networks: [
    { organizationId: "source", cidr: "198.51.100.0/24" },
    { organizationId: "source", cidr: "2001:db8:1::/48" },
    { organizationId: "other", cidr: "203.0.113.0/24" },
    { organizationId: "other", cidr: "2001:db8:2::/48" },
  ],
  domains: [
    { organizationId: "source", name: "source.example" },
    { organizationId: "other", name: "other.example" },
  ],
  asns: [
    { organizationId: "source", asn: 64501 },
    { organizationId: "other", asn: 64502 },
  ],
  manual: [],
});

type Row = [line: number, address: string | null, hostname: string | null, port: number | null];
type Expected = {
  format?: string;
  kind?: string;
  reportType?: string;
  rows?: Row[];
  errors?: [line: number, field: string][];
  refused?: RegExp;
  options?: ReadOptions;
};

const EXPECTED: Record<string, Expected> = {
  "2026-03-09-scan_exchange-baken-geo.csv": {
    kind: "shadowserver",
    reportType: "scan_exchange",
    rows: [
      [2, "198.51.100.10", "mail.source.example", 443],
      [3, "198.51.100.11", null, 443],
    ],
  },
  "2026-03-09-scan_http-baken-geo.csv": {
    reportType: "scan_http",
    rows: [[2, "198.51.100.12", "cam.source.example", 80]],
  },
  "2026-03-09-scan6_ssh-baken-geo.csv": {
    reportType: "scan6_ssh",
    rows: [
      [2, "2001:db8:1::22", "ssh.source.example", 22],
      [3, "2001:db8:1::23", null, 2222],
    ],
  },
  // The target is src_ip; the honeypot that saw the attack (dst_ip, first in the header) is another party.
  "2026-03-09-event4_honeypot_ddos_target-baken-geo.csv": {
    reportType: "event4_honeypot_ddos_target",
    rows: [[2, "198.51.100.30", "www.source.example", 80]],
  },
  // The participant is src_ip; `domain` is the attacked site, never the participant's host name.
  "2026-03-09-event4_ddos_participant-baken-geo.csv": {
    reportType: "event4_ddos_participant",
    rows: [[2, "198.51.100.31", null, 47012]],
  },
  "2026-03-09-event4_sinkhole_http-baken-geo.csv": {
    reportType: "event4_sinkhole_http",
    rows: [[2, "198.51.100.32", "pc32.source.example", 51234]],
  },
  "2026-03-09-event6_sinkhole-baken-geo.csv": {
    reportType: "event6_sinkhole",
    rows: [[2, "2001:db8:1::33", null, 50000]],
  },
  "2026-03-09-blocklist-baken-geo.csv": {
    reportType: "blocklist",
    rows: [
      [2, "198.51.100.0/24", null, null],
      [3, "198.51.100.40", "spam.source.example", null],
      [4, "198.51.100.64/26", null, null],
      [6, "198.51.100.41", null, null],
    ],
    errors: [[5, "ip"]],
  },
  // `server` is the proxy's banner: data, not a host name.
  "2026-03-09-population_http_proxy-baken-geo.csv": {
    reportType: "population_http_proxy",
    rows: [[2, "198.51.100.50", "proxy.source.example", 8080]],
  },
  "2026-03-09-sandbox_url-baken-geo.csv": {
    reportType: "sandbox_url",
    rows: [[2, "198.51.100.60", "dl.source.example", 80]],
  },
  // `url` is a request path and `server` a banner; the site's name is http_host, else its reverse DNS.
  "2026-03-09-compromised_website-baken-geo.csv": {
    reportType: "compromised_website",
    rows: [
      [2, "198.51.100.70", "www.source.example", 443],
      [3, "198.51.100.71", "r71.source.example", 80],
    ],
  },
  "2026-03-09-compromised_account-baken-geo.csv": { refused: /Compromised Account .*no address of the party/ },
  "bom-crlf-quoted-header.csv": {
    kind: "columns",
    rows: [
      [2, "198.51.100.80", "owa.source.example", 443],
      [3, "198.51.100.81", null, null],
    ],
  },
  "bom-unquoted-header.tsv": {
    format: "csv",
    rows: [
      [2, "198.51.100.82", null, 25],
      [3, "2001:db8:1::82", null, 587],
    ],
  },
  "semicolon-multiline.csv": {
    rows: [
      [2, "198.51.100.83", null, 25],
      [3, "198.51.100.84", null, null],
    ],
    errors: [
      [5, "ip_address"],
      [6, "port"],
    ],
  },
  // `; ip, asn, ...`: the infected host is `ip`; `domain` and `remote_ip` are its command-and-control server.
  "spamhaus-cert.csv": {
    kind: "columns",
    rows: [
      [2, "198.51.100.90", null, null],
      [3, "198.51.100.91", null, null],
    ],
  },
  "ambiguous-two-addresses.csv": { refused: /ambiguous: ip, src_ip could each be the ip.*columns=/ },
  "never-routes.csv": { refused: /no address column.*url, server, domain, http_url never route/ },
  "leaked-list.txt": {
    format: "text",
    rows: [
      [2, "198.51.100.100", null, null],
      [3, null, "mail.source.example", null],
      [4, null, "owa.source.example", 443],
      [5, "2001:db8:1::100", null, 8443],
      [6, "198.51.100.101", null, 25],
      [7, "198.51.100.128/25", null, null],
    ],
    errors: [[8, "value"]],
  },
  "shodan-export.json": {
    format: "ndjson",
    kind: "shodan",
    rows: [
      [1, "198.51.100.112", "owa.source.example", 443],
      [2, "198.51.100.113", null, 25],
    ],
  },
  "shodan-search.json": {
    format: "json",
    kind: "shodan",
    rows: [
      [3, "198.51.100.114", "vpn.source.example", 8443],
      [14, "2001:db8:1::114", null, 443],
    ],
  },
  "intelmq-events.json": {
    kind: "intelmq",
    rows: [
      [1, "198.51.100.120", "pc120.source.example", 51000],
      [2, "198.51.100.121", "www.source.example", null],
      [3, "198.51.100.192/26", null, null],
    ],
  },
  // One pretty-printed object holding the rows: its elements are the rows, not its lines.
  "pretty-object.json": {
    format: "json",
    rows: [
      [4, "198.51.100.130", "rdp.source.example", 3389],
      [9, "198.51.100.131", null, 3389],
    ],
  },
  "malformed.json": { refused: /Malformed JSON at line 9, column 7: expected ',' or '}'/ },
};

/** Reads a corpus file in chunks of `chunk` bytes: rows as stored and errors, or the refusal. */
export async function readCorpus(file: string, chunk: number, options: ReadOptions = {}) {
  const buf = readFileSync(new URL(file, CORPUS));
  async function* chunks() {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const rows: ExposureRow[] = [];
  const errors: RowError[] = [];
  try {
    const result = await readExposures(
      chunks(),
      {
        plain: (row) => rows.push(plainRowResult(row).row),
        row: (r) => (r.ok ? rows.push(r.row) : errors.push(...r.errors)),
        drain: async () => {},
      },
      { fileName: file, ...options },
    );
    return { result, rows, errors, refusal: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { result: null, rows, errors, refusal: err };
  }
}

describe("the corpus", () => {
  it("holds an expectation for every file, and a file for every expectation", () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: ${want.refused ? "refused with the reason" : "stored rows, routed to the party to notify"}`, async () => {
      // Whole, and cut every 7 bytes: a BOM, a quoted field, a character split anywhere.
      for (const chunk of [7, 64 * 1024]) {
        const { result, rows, errors, refusal } = await readCorpus(file, chunk, want.options);
        if (want.refused) {
          expect(refusal?.message).toMatch(want.refused);
          expect(refusal?.code).toMatch(/bad_request|validation/);
          continue;
        }
        expect(refusal).toBeNull();
        if (want.format) expect(result!.format).toBe(want.format);
        if (want.kind) expect(result!.kind).toBe(want.kind);
        if (want.reportType) expect(result!.reportType?.type).toBe(want.reportType);
        expect(rows.map((r) => [r.line, addressText(r), r.hostname, r.port])).toEqual(want.rows);
        expect(errors.map((e) => [e.line, e.field])).toEqual(want.errors ?? []);
        for (const row of rows) {
          const m = REGISTRY.match(row);
          expect(m.organizationId, `line ${row.line}`).toBe("source");
          expect(m.candidates.map((c) => c.organizationId)).not.toContain("other");
        }
      }
    });
  }

  it("keeps what does not route as data: banners, paths, the other side, escaped quotes", async () => {
    const raw = async (file: string, line: number) => {
      const row = (await readCorpus(file, 64 * 1024)).rows.find((r) => r.line === line)!;
      const { rawAt, columns } = row.layout;
      return Object.fromEntries(rawAt.map((i) => [columns[i], row.record[i]]).filter(([, v]) => v));
    };
    expect(await raw("2026-03-09-scan_http-baken-geo.csv", 2)).toMatchObject({
      www_authenticate: 'Basic realm=""OpenWebif""',
      server: "nginx",
    });
    expect(await raw("2026-03-09-compromised_website-baken-geo.csv", 3)).toMatchObject({
      url: "GET /favicon.ico HTTP/1.1",
      server: "nginx",
    });
    expect(await raw("2026-03-09-event4_ddos_participant-baken-geo.csv", 2)).toMatchObject({
      dst_ip: "203.0.113.80",
      domain: "victim.other.example",
    });
    expect(await raw("2026-03-09-scan_exchange-baken-geo.csv", 3)).toMatchObject({ servername: 'EX "main"' });
  });

  it("stores each row's severity and tag, and Shodan's CVEs as its tag", async () => {
    const { rows } = await readCorpus("2026-03-09-scan_exchange-baken-geo.csv", 64 * 1024);
    expect(rows.map((r) => [r.severity, r.tag, r.seenAt])).toEqual([
      ["critical", "exchange;cve-2021-26855", "2026-03-09T06:00:00.000Z"],
      ["critical", "exchange;webshell", "2026-03-09T06:00:01.000Z"],
    ]);
    const shodan = await readCorpus("shodan-export.json", 64 * 1024);
    expect(shodan.rows[0]).toMatchObject({ asn: 64501, tag: "CVE-2021-26855;CVE-2021-27065", protocol: "tcp" });
    expect(shodan.rows[0]!.seenAt).toBe("2026-03-09T06:00:00.123Z");
  });

  it("reads an ambiguous header once the analyst maps its columns", async () => {
    const { rows, refusal } = await readCorpus("ambiguous-two-addresses.csv", 64 * 1024, {
      columns: { src_ip: "ignore" },
    });
    expect(refusal).toBeNull();
    expect(rows.map((r) => addressText(r))).toEqual(["198.51.100.92"]);
    const mapped = await readCorpus("never-routes.csv", 64 * 1024, { columns: { domain: "hostname" } });
    expect(mapped.rows.map((r) => r.hostname)).toEqual(["victim.other.example"]);
  });
});
