import { parseCidr, parseIp, type Cidr, type IpAddress } from "./ip-address.ts";
import { finish, finishInTurns, STEP_ROWS, type Steps } from "../steps.ts";
import { PrefixTrie } from "./prefix-trie.ts";

/**
 * Registered organizations first; then staff's override of a range's contact; then the fallback contacts
 * (reach: security.txt, a range's, an ASN's abuse contact).
 */
export const MATCH_REASONS = [
  "manual",
  "domain",
  "network",
  "asn",
  "override",
  "security_txt",
  "abuse_network",
  "abuse_asn",
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/**
 * How many distinct results the matcher keeps before it starts over. A million-row scan has thousands;
 * the bound only stops a hostile file of all-distinct rows from growing the cache with its size. Callers
 * that key their own caches by result object (the upload's COPY tails, candidate digests) use the same bound.
 */
export const MATCH_CACHE_SIZE = 200_000;

/** One organization that could own an exposure, and why. */
export type Candidate = { organizationId: string; reason: MatchReason; detail: string };

export type MatchResult = {
  /** The primary owner: the first candidate, or null when nobody matches. */
  organizationId: string | null;
  reason: MatchReason | null;
  /** Every candidate in precedence order; one per organization and reason (the most specific detail).
   *  Results are shared and frozen: equal inputs give the same object. */
  candidates: Candidate[];
};

/** The parts of the registry that decide ownership, each list in registration order (oldest first). */
export type RegistrySnapshot = {
  networks: readonly { organizationId: string; cidr: string }[];
  domains: readonly { organizationId: string; name: string }[];
  asns: readonly { organizationId: string; asn: number }[];
  manual: readonly { organizationId: string; ip: string | null; hostname: string | null }[];
};

/** A row's address (or the network it names instead), host name and AS number. */
export type MatchInput = { ip: IpAddress | null; network?: Cidr | null; hostname: string | null; asn: number | null };

export type Matcher = {
  match(input: MatchInput): MatchResult;
  /** `match` for an IPv4 address given as an unsigned 32-bit number, as the fast CSV path reads it. */
  matchV4(address: number, hostname: string | null, asn: number | null): MatchResult;
  readonly size: { networks: number; domains: number; asns: number; manual: number };
};

const ipv4Text = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

type Domain = { name: string; owners: string[] };

// A name's hash grown one character leftwards at a time, so every suffix of a hostname is hashed in one
// pass from its end. 30 bits: small integers are the cheapest Map keys.
const suffixStep = (h: number, code: number) => (Math.imul(h, 0x01000193) ^ code) & 0x3fffffff;
function suffixHash(name: string): number {
  let h = 0;
  for (let i = name.length - 1; i >= 0; i--) h = suffixStep(h, name.charCodeAt(i));
  return h;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the longest-prefix / longest-suffix matcher for one registry snapshot. Precedence:
 * 1. manual assignment (hostname, then ip), 2. registered domain, longest suffix first,
 * 3. network, longest prefix first, 4. ASN (the row's asn column, and the ASNs registered by the
 * organizations whose networks contain the ip). A row that names a network instead of an address is
 * matched by the registered networks that contain the whole of it. Ties at one level (two organizations
 * registered the same network or domain) go to the earlier registration; the other stays a candidate.
 */
export function buildMatcher(snapshot: RegistrySnapshot): Matcher {
  return finish(matcherSteps(snapshot));
}

/** The same, in turns of the event loop: the api builds it while serving (~0.2 s at 100,000 networks). */
export function buildMatcherInTurns(snapshot: RegistrySnapshot): Promise<Matcher> {
  return finishInTurns(matcherSteps(snapshot));
}

function* matcherSteps(snapshot: RegistrySnapshot): Steps<Matcher> {
  const trie = new PrefixTrie();
  const prefixes: { cidr: string; organizationIds: string[] }[] = [];
  const prefixIndex = new Map<string, number>();
  let done = 0;
  for (const n of snapshot.networks) {
    if (++done % STEP_ROWS === 0) yield;
    const parsed = parseCidr(n.cidr);
    if (!parsed.ok) continue; // the database only holds valid cidr values
    const key = parsed.cidr.text;
    let id = prefixIndex.get(key);
    if (id === undefined) {
      id = prefixes.length;
      prefixes.push({ cidr: key, organizationIds: [] });
      prefixIndex.set(key, id);
      trie.insert(parsed.cidr.bytes, parsed.cidr.bits, parsed.cidr.version, id);
    }
    if (!prefixes[id]!.organizationIds.includes(n.organizationId)) prefixes[id]!.organizationIds.push(n.organizationId);
  }
  // Values carry the registry's own spelling of each name: a result cached for the whole upload must not
  // hold a slice of a row's text, which would keep the row's whole chunk of the file alive with it.
  const domains = new Map<string, Domain>();
  for (const d of snapshot.domains) {
    if (++done % STEP_ROWS === 0) yield;
    const entry = domains.get(d.name);
    if (entry) entry.owners.push(d.organizationId);
    else domains.set(d.name, { name: d.name, owners: [d.organizationId] });
  }
  const domainsBySuffixHash = new Map<number, Domain[]>();
  for (const d of domains.values()) push(domainsBySuffixHash, suffixHash(d.name), d);
  const orgsByAsn = new Map<number, string[]>();
  const asnsByOrg = new Map<string, number[]>();
  for (const a of snapshot.asns) {
    push(orgsByAsn, a.asn, a.organizationId);
    push(asnsByOrg, a.organizationId, a.asn);
  }
  type Manual = { name: string; organizationId: string };
  const manualByIp = new Map<string, Manual>();
  const manualByHost = new Map<string, Manual>();
  for (const m of snapshot.manual) {
    // An address, or a network (a network exposure assigned by hand), as abbrev() writes it.
    const ip = m.ip && (parseIp(m.ip)?.text ?? m.ip);
    if (ip) manualByIp.set(ip, { name: ip, organizationId: m.organizationId });
    if (m.hostname) manualByHost.set(m.hostname, { name: m.hostname, organizationId: m.organizationId });
  }

  const NOBODY: MatchResult = Object.freeze({
    organizationId: null,
    reason: null,
    candidates: Object.freeze([]) as unknown as Candidate[],
  });

  // Every registered suffix of a hostname is a suffix of its longest registered one: that suffix, not
  // the hostname, decides the domain candidates. Found in one pass from the right, hashing each suffix
  // as it grows, with no string made per label: this runs for every row that has a hostname.
  function longestDomain(hostname: string): Domain | null {
    let found: Domain | null = null;
    let h = 0;
    for (let i = hostname.length - 1; i >= 0; i--) {
      h = suffixStep(h, hostname.charCodeAt(i));
      if (i > 0 && hostname.charCodeAt(i - 1) !== 46) continue;
      const entries = domainsBySuffixHash.get(h);
      if (!entries) continue;
      for (const d of entries) {
        if (d.name.length === hostname.length - i && hostname.endsWith(d.name)) found = d;
      }
    }
    return found;
  }

  // Rows with the same longest prefix, ASN, longest registered domain and manual assignments share one
  // result object: a million-row scan has only thousands of distinct results, so each is computed (and
  // its candidate list stored) once. Keyed by numbers and the registry's own objects, with no key string
  // to build, except for the rare rows that have a manual assignment.
  const byDomain = new Map<Domain | null, Map<number, Map<number, MatchResult>>>();
  const byText = new Map<string, MatchResult>();
  let cached = 0;

  function match({ ip, network, hostname, asn }: MatchInput): MatchResult {
    if (!ip && network) {
      const manualNet = (manualByIp.size > 0 && manualByIp.get(network.text)) || null;
      return resolve(trie.lookupNetwork(network.bytes, network.bits, network.version), manualNet, hostname, asn);
    }
    const manualIp = (ip !== null && manualByIp.size > 0 && manualByIp.get(ip.text)) || null;
    return resolve(ip ? trie.lookupLongest(ip) : -1, manualIp, hostname, asn);
  }

  function matchV4(address: number, hostname: string | null, asn: number | null): MatchResult {
    const manualIp = (manualByIp.size > 0 && manualByIp.get(ipv4Text(address))) || null;
    return resolve(trie.lookupV4(address), manualIp, hostname, asn);
  }

  function resolve(longest: number, manualIp: Manual | null, hostname: string | null, asn: number | null) {
    const manualHost = (hostname !== null && manualByHost.size > 0 && manualByHost.get(hostname)) || null;
    const domain = hostname !== null && domains.size > 0 ? longestDomain(hostname) : null;
    if (longest < 0 && asn === null && domain === null && manualIp === null && manualHost === null) return NOBODY;
    if (cached >= MATCH_CACHE_SIZE) {
      byDomain.clear();
      byText.clear();
      cached = 0;
    }
    if (manualIp === null && manualHost === null) {
      let byPrefix = byDomain.get(domain);
      if (!byPrefix) byDomain.set(domain, (byPrefix = new Map()));
      let byAsn = byPrefix.get(longest);
      if (!byAsn) byPrefix.set(longest, (byAsn = new Map()));
      const known = byAsn.get(asn ?? -1);
      if (known) return known;
      const result = compute(longest, asn, domain, null, null);
      byAsn.set(asn ?? -1, result);
      cached++;
      return result;
    }
    const key = `${longest}\u0001${asn ?? ""}\u0001${domain?.name ?? ""}\u0001${manualHost?.name ?? ""}\u0001${manualIp?.name ?? ""}`;
    const known = byText.get(key);
    if (known) return known;
    const result = compute(longest, asn, domain, manualHost, manualIp);
    byText.set(key, result);
    cached++;
    return result;
  }

  /** The candidates of every row with this longest prefix, ASN, registered domain and manual entries. */
  function compute(
    longest: number,
    asn: number | null,
    registered: Domain | null,
    manualHost: Manual | null,
    manualIp: Manual | null,
  ): MatchResult {
    const candidates: Candidate[] = [];
    // At most a handful of candidates: a linear scan beats a Set here.
    const add = (organizationId: string, reason: MatchReason, detail: string) => {
      for (const c of candidates) if (c.organizationId === organizationId && c.reason === reason) return;
      candidates.push({ organizationId, reason, detail });
    };
    if (manualHost) add(manualHost.organizationId, "manual", `hostname ${manualHost.name}`);
    if (manualIp) add(manualIp.organizationId, "manual", `ip ${manualIp.name}`);
    // Longest suffix first: mail.a.example, then a.example, then example.
    const domain = registered?.name ?? null;
    for (let at = 0; domain !== null && at >= 0; at = domain.indexOf(".", at) + 1 || -1) {
      const suffix = at === 0 ? domain : domain.slice(at);
      const entry = domains.get(suffix);
      if (entry) for (const o of entry.owners) add(o, "domain", entry.name);
    }
    let inferredAsns: number[] | null = null;
    if (longest >= 0) {
      for (const id of trie.withParents(longest)) {
        const prefix = prefixes[id]!;
        for (const o of prefix.organizationIds) {
          add(o, "network", prefix.cidr);
          const asns = asnsByOrg.get(o);
          if (asns) (inferredAsns ??= []).push(...asns);
        }
      }
    }
    if (asn !== null) for (const o of orgsByAsn.get(asn) ?? []) add(o, "asn", `AS${asn}`);
    if (inferredAsns) {
      for (const a of inferredAsns) for (const o of orgsByAsn.get(a) ?? []) add(o, "asn", `AS${a} (registry)`);
    }
    const first = candidates[0];
    return first
      ? Object.freeze({
          organizationId: first.organizationId,
          reason: first.reason,
          candidates: Object.freeze(candidates) as Candidate[],
        })
      : NOBODY;
  }

  return {
    match,
    matchV4,
    size: { networks: prefixes.length, domains: domains.size, asns: orgsByAsn.size, manual: snapshot.manual.length },
  };
}
