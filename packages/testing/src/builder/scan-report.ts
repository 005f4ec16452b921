import { reportType } from "@baken/core";
import { shadowserverCell } from "./feeds.ts";
import { ipv4, Lcg } from "./random.ts";
import { BASE, type BuiltRegistry } from "./registry.ts";

/** Shadowserver's scan_exchange report as the table publishes it (2026: with severity and protocol). */
export const SCAN_EXCHANGE = reportType("scan_exchange")!;

/**
 * A national daily report is larger than the registry's 198.18.0.0/15: each ISP also holds /16s of
 * 100.64.0.0/10 (4,194,304 addresses), so that every row of a million can be a host of its own.
 */
export function withWideIspSpace(registry: BuiltRegistry): BuiltRegistry {
  const organizations = registry.organizations.map((o, i) =>
    i < registry.ispCount
      ? {
          ...o,
          cidrs: [
            ...o.cidrs,
            ...Array.from({ length: 64 }, (_, k) => k)
              .filter((k) => k % registry.ispCount === i)
              .map((k) => `100.${64 + k}.0.0/16`),
          ],
        }
      : o,
  );
  return { ...registry, organizations };
}

const WIDE = ((100 << 24) | (64 << 16)) >>> 0;
const WIDE_SIZE = 1 << 22;
const NOBODY = ((172 << 24) | (16 << 16)) >>> 0;

/**
 * The IPv4 blocks scanExchangeLines draws its addresses from, `[first, size]`: the ISPs' wide space, the
 * registry's 198.18.0.0/15 and the 172.16.0.0/12 nobody registered (a RIPE dump over them covers the list).
 */
export const SCAN_EXCHANGE_SPACE: readonly (readonly [number, number])[] = [
  [WIDE, WIDE_SIZE],
  [BASE, 1 << 17],
  [NOBODY, 1 << 20],
];
// 2,654,435,761 is odd: k -> k * it mod 2^22 visits every address of the /10 once, in scattered order.
const scatter = (k: number) => (WIDE + Number((BigInt(k) * 2654435761n) % BigInt(WIDE_SIZE))) >>> 0;

export type ScanReportOptions = { rows: number; quoted?: boolean; seed?: number };

/**
 * The rows of a scan_exchange report as Shadowserver writes it: the table's column order, text fields in
 * double quotes (numbers bare; `quoted: false`: only where a
 * field needs them), and every row a host of its own (a distinct
 * address): no two rows fold into one. 10% in the customers' and ISPs' blocks of 198.18.0.0/15, 85% in the
 * ISPs' wide space (withWideIspSpace, a third of them with a reverse-DNS name under the ISP's domain), 5%
 * in 172.16.0.0/12, owned by nobody.
 */
export function* scanExchangeLines(
  registry: BuiltRegistry,
  { rows, quoted = true, seed = 2026 }: ScanReportOptions,
): Generator<string> {
  const rng = new Lcg(seed);
  // Unquoted: RFC 4180's minimum (only a field holding a comma or a quote is quoted).
  const cell = quoted
    ? shadowserverCell
    : (v: string | number) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const start = Date.UTC(2026, 2, 9, 0, 0, 0);
  // A customer's /28 lies inside its ISP's /20: each address once.
  const narrow = [
    ...new Set(
      [...registry.ranges.values()].flatMap(([from, to]) => Array.from({ length: to - from }, (_, k) => from + k)),
    ),
  ].sort((a, b) => a - b);
  const narrowRows = Math.min(narrow.length, Math.floor(rows / 10));
  for (let r = 0; r < rows; r++) {
    const t = new Date(start + (r % 86_400) * 1000).toISOString().replace("T", " ").slice(0, 19);
    let ip: number;
    let asn = "";
    let host = "";
    const kind = rng.next();
    if (r < narrowRows) {
      ip = narrow[Math.floor((r * narrow.length) / narrowRows)]!;
    } else if (kind < 0.95) {
      ip = scatter(r);
      const isp = registry.organizations[((ip >>> 16) - (WIDE >>> 16)) % registry.ispCount]!;
      asn = String(isp.asns[0]);
      if (kind < 0.3) host = `h${r}.${isp.domains[0]}`;
    } else {
      ip = NOBODY + (r % (1 << 20));
      if (kind > 0.98) host = `owa${r}.unknown.example`;
    }
    const address = ipv4(ip >>> 0);
    const values: Record<string, string | number> = {
      timestamp: t,
      severity: "critical",
      ip: address,
      protocol: "tcp",
      port: 443,
      hostname: host,
      tag: kind < 0.02 ? "exchange;webshell" : "exchange;cve-2021-26855",
      asn,
      geo: "BE",
      region: kind < 0.5 ? "Brussels" : "Antwerpen",
      city: kind < 0.5 ? "Brussels" : "Antwerpen",
      naics: 517311,
      hostname_source: host ? "rdns" : "",
      sector: "Communications, Service Provider",
      version: "15.1.2176.2",
      servername: `EX${r % 100}`,
      url: `https://${address}/owa/`,
    };
    yield SCAN_EXCHANGE.fields
      .map((f) => (values[f] === "" || values[f] === undefined ? "" : cell(values[f]!)))
      .join(",");
  }
}

/** The header of that report, as Shadowserver writes it. */
export const scanExchangeHeader = (quoted = true) => SCAN_EXCHANGE.fields.map((f) => (quoted ? `"${f}"` : f)).join(",");
