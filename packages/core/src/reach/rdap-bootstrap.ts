import { AppError } from "../errors.ts";
import { parseCidr, type IpAddress } from "../match/ip-address.ts";

/** One IANA RDAP bootstrap registry (RFC 9224): which RDAP servers answer for which numbers. */
export type RdapBootstrap = {
  kind: "ipv4" | "ipv6" | "asn";
  publication: string | null;
  /** Prefixes (ipv4, ipv6) or inclusive AS number ranges (asn), each with its servers' base URLs. */
  services: { prefixes: { bytes: number[]; bits: number }[]; asns: [number, number][]; urls: string[] }[];
};

const bad = (message: string) => new AppError("bad_request", `RDAP bootstrap registry: ${message}`);

/**
 * Reads IANA's `ipv4.json`, `ipv6.json` or `asn.json`: `{ version, publication, services: [[[entries],
 * [urls]]] }`, entries CIDR prefixes or `first-last` AS ranges. Base URLs: https first (RFC 9224 says to
 * prefer it), each ending in `/`.
 */
export function parseRdapBootstrap(json: unknown, kind: RdapBootstrap["kind"]): RdapBootstrap {
  const root = json as { services?: unknown; publication?: unknown; version?: unknown };
  if (typeof root !== "object" || root === null || !Array.isArray(root.services)) throw bad("no services list");
  const services: RdapBootstrap["services"] = [];
  for (const service of root.services as unknown[]) {
    if (!Array.isArray(service) || !Array.isArray(service[0]) || !Array.isArray(service[1])) {
      throw bad("a service is not [entries, urls]");
    }
    const urls = (service[1] as unknown[])
      .filter((u): u is string => typeof u === "string" && /^https?:\/\//i.test(u))
      .map((u) => (u.endsWith("/") ? u : `${u}/`))
      .sort((a, b) => Number(b.startsWith("https:")) - Number(a.startsWith("https:")));
    const entry: RdapBootstrap["services"][number] = { prefixes: [], asns: [], urls };
    for (const e of service[0] as unknown[]) {
      if (typeof e !== "string") continue;
      if (kind === "asn") {
        const m = /^(\d+)(?:-(\d+))?$/.exec(e.trim());
        if (m) entry.asns.push([Number(m[1]), Number(m[2] ?? m[1])]);
      } else {
        const c = parseCidr(e);
        if (c.ok && c.cidr.version === (kind === "ipv4" ? 4 : 6))
          entry.prefixes.push({ bytes: c.cidr.bytes, bits: c.cidr.bits });
      }
    }
    if (urls.length > 0) services.push(entry);
  }
  return { kind, publication: typeof root.publication === "string" ? root.publication : null, services };
}

/** The base URLs of the RDAP servers for an address: the longest matching prefix's (RFC 9224 5.1). */
export function rdapServersForIp(bootstrap: RdapBootstrap, ip: IpAddress): string[] {
  let best: string[] = [];
  let bestBits = -1;
  for (const s of bootstrap.services) {
    for (const p of s.prefixes) {
      if (p.bits > bestBits && p.bytes.length === ip.bytes.length && covers(p.bytes, p.bits, ip.bytes)) {
        best = s.urls;
        bestBits = p.bits;
      }
    }
  }
  return best;
}

export function rdapServersForAsn(bootstrap: RdapBootstrap, asn: number): string[] {
  for (const s of bootstrap.services) for (const [a, b] of s.asns) if (asn >= a && asn <= b) return s.urls;
  return [];
}

/** The query URL (RFC 9082): `<base>ip/<address>` or `<base>autnum/<asn>`. */
export function rdapQueryUrl(base: string, query: { ip: IpAddress } | { asn: number }): string {
  return "ip" in query ? `${base}ip/${query.ip.text}` : `${base}autnum/${query.asn}`;
}

function covers(prefix: number[], bits: number, address: number[]): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i & 7);
    if ((prefix[i >> 3]! & mask) !== (address[i >> 3]! & mask)) return false;
  }
  return true;
}
