import { createHash } from "node:crypto";
import type { Language } from "../language.ts";
import { parseIp, type Cidr, type IpAddress } from "../match/ip-address.ts";
import {
  MATCH_CACHE_SIZE,
  type Candidate,
  type Matcher,
  type MatchInput,
  type MatchReason,
  type MatchResult,
} from "../match/matcher.ts";
import type { PrefixMap } from "./prefix-map.ts";
import { registeredDomain } from "./security-txt.ts";

/** Where a fallback contact comes from. */
export type FallbackSource = "security_txt" | "ripe" | "rdap";

/** A stored answer: an abuse mailbox and the object (range, ASN, file) it was read from. */
export type FallbackAnswer = {
  mailbox: string;
  source: FallbackSource;
  /** `inetnum 192.0.2.0 - 192.0.2.255 (EXAMPLE-NET)`, `aut-num AS64496`, `https://example.com/.well-known/security.txt` */
  object: string;
  /** Preferred-Languages (security.txt), as Baken writes them; else null. */
  language?: Language | null;
};

/** What the fallback is loaded from: the active RIPE import and the cached online lookups. */
export type FallbackData = {
  /** Longest-prefix map whose values index `prefixAnswers` (RIPE ranges, RDAP networks). */
  prefixes: PrefixMap;
  /** An array, or PackedAnswers for the millions of a RIPE import. */
  prefixAnswers: { at(index: number): FallbackAnswer | undefined };
  asns: ReadonlyMap<number, FallbackAnswer>;
  /** By registered domain (the Public Suffix List's). */
  securityTxt: ReadonlyMap<string, FallbackAnswer>;
  /** Mailboxes staff blocked: never a candidate. */
  blocked: ReadonlySet<string>;
  /** Staff's contact for a range: longest-prefix map whose values index `targets`; before any fallback. */
  overrides?: { prefixes: PrefixMap; targets: readonly ContactOverrideTarget[] };
};

/** The organization staff set for a range's hosts (registered, or an abuse mailbox's). */
export type ContactOverrideTarget = { organizationId: string; cidr: string };

/** A fallback candidate's organization: made for its mailbox when first used (an "abuse contact" row). */
export type FallbackContact = FallbackAnswer & { organizationId: string; reason: MatchReason };

/**
 * The organization id of an abuse mailbox: a name-based UUID (version 3 layout) of the mailbox, so every
 * process and every upload names the same organization for it without asking the database first.
 */
export function abuseContactOrganizationId(mailbox: string): string {
  const h = createHash("md5").update(`baken abuse contact ${mailbox.toLowerCase()}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x30;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const FALLBACK_REASONS = [
  "security_txt",
  "abuse_network",
  "abuse_asn",
] as const satisfies readonly MatchReason[];
export const isFallbackReason = (r: MatchReason | null) =>
  r !== null && (FALLBACK_REASONS as readonly string[]).includes(r);

export type FallbackMatcher = Matcher & {
  /** The contact behind a fallback candidate's organization id (every one this matcher gave). */
  contactOf(organizationId: string): FallbackContact | undefined;
};

/**
 * The registry's matcher, then, for a row no registered organization matched, staff's override of its
 * range's contact (the most specific), then the fallback contacts in precedence order: the security.txt of the hostname's registered domain, the abuse contact of the most
 * specific range holding the address (RIPE or RDAP), that of the row's ASN. Every one is a candidate
 * (with its object as detail); the first is the primary. A matched row's result is the registry's own
 * object, untouched. Fallback results are shared and frozen like the matcher's.
 */
export function withFallback(matcher: Matcher, data: FallbackData): FallbackMatcher {
  const contacts = new Map<string, FallbackContact>();
  // Hashing a mailbox costs more than the lookup: each mailbox's id is hashed once (a RIPE dump has ~100 k).
  const ids = new Map<string, string>();
  const idOf = (mailbox: string) => {
    let id = ids.get(mailbox);
    if (id === undefined) ids.set(mailbox, (id = abuseContactOrganizationId(mailbox)));
    return id;
  };
  const results = new Map<string | number, MatchResult>();
  const domains = new Map<string, string | null>();

  function domainOf(hostname: string): string | null {
    let d = domains.get(hostname);
    if (d === undefined) {
      d = registeredDomain(hostname);
      if (domains.size >= MATCH_CACHE_SIZE) domains.clear();
      domains.set(hostname, d);
    }
    return d;
  }

  function resolve(
    base: MatchResult,
    prefix: number,
    override: number,
    hostname: string | null,
    asn: number | null,
  ): MatchResult {
    if (base.organizationId !== null) return base;
    const domain = hostname !== null && data.securityTxt.size > 0 ? domainOf(hostname) : null;
    const sec = domain !== null ? data.securityTxt.get(domain) : undefined;
    const asnAnswer = asn !== null ? data.asns.get(asn) : undefined;
    if (!sec && prefix < 0 && !asnAnswer && override < 0) return base;
    // Most rows have only a range: their results are kept by its number, without making a key.
    const key =
      sec || asnAnswer || override >= 0
        ? `${sec ? domain : ""}\u0001${prefix}\u0001${asnAnswer ? asn : ""}\u0001${override}`
        : prefix;
    const known = results.get(key);
    if (known) return known;
    const candidates: Candidate[] = [];
    const target = override >= 0 ? data.overrides!.targets[override] : undefined;
    if (target)
      candidates.push({ organizationId: target.organizationId, reason: "override", detail: `override ${target.cidr}` });
    const add = (answer: FallbackAnswer | undefined, reason: MatchReason) => {
      if (!answer || data.blocked.has(answer.mailbox)) return;
      const organizationId = idOf(answer.mailbox);
      if (candidates.some((c) => c.organizationId === organizationId)) return;
      if (!contacts.has(organizationId)) contacts.set(organizationId, { ...answer, organizationId, reason });
      candidates.push({ organizationId, reason, detail: `${answer.source} ${answer.object}` });
    };
    add(sec, "security_txt");
    add(prefix >= 0 ? data.prefixAnswers.at(prefix) : undefined, "abuse_network");
    add(asnAnswer, "abuse_asn");
    const first = candidates[0];
    const result = first
      ? Object.freeze({
          organizationId: first.organizationId,
          reason: first.reason,
          candidates: Object.freeze(candidates) as Candidate[],
        })
      : base;
    if (results.size >= MATCH_CACHE_SIZE) results.clear();
    results.set(key, result);
    return result;
  }

  /** A network's answer: the range holding both its ends (the nearest range that covers all of it). */
  function networkValue(map: PrefixMap, network: Cidr): number {
    const first = parseIp(network.text.split("/")[0]!);
    if (!first) return -1;
    const at = map.lookup(first);
    return at >= 0 && map.lookup(lastAddress(first, network.bits)) === at ? at : -1;
  }
  const overrides = data.overrides && data.overrides.targets.length > 0 ? data.overrides.prefixes : null;
  const lookup = (map: PrefixMap, input: MatchInput) =>
    input.ip ? map.lookup(input.ip) : input.network ? networkValue(map, input.network) : -1;

  return {
    size: matcher.size,
    match(input: MatchInput) {
      const base = matcher.match(input);
      if (base.organizationId !== null) return base;
      const override = overrides ? lookup(overrides, input) : -1;
      return resolve(base, lookup(data.prefixes, input), override, input.hostname, input.asn);
    },
    matchV4(address, hostname, asn) {
      const base = matcher.matchV4(address, hostname, asn);
      if (base.organizationId !== null) return base;
      const override = overrides ? overrides.lookupV4(address) : -1;
      return resolve(base, data.prefixes.lookupV4(address), override, hostname, asn);
    },
    contactOf: (organizationId) => contacts.get(organizationId),
  };
}

function lastAddress(ip: IpAddress, bits: number): IpAddress {
  const bytes = ip.bytes.map((b, i) => {
    const hostBits = Math.min(8, Math.max(0, (i + 1) * 8 - bits));
    return b | ((1 << hostBits) - 1);
  });
  return { version: ip.version, bytes, text: "" };
}

/** Adds the fallback contacts among a result's candidates to `into` (by organization id), to be made. */
export function addFallbackContacts(matcher: Matcher, m: MatchResult, into: Map<string, FallbackContact>): void {
  if (!("contactOf" in matcher) || m.candidates.length === 0) return;
  for (const c of m.candidates) {
    if (!isFallbackReason(c.reason) || into.has(c.organizationId)) continue;
    const contact = (matcher as FallbackMatcher).contactOf(c.organizationId);
    if (contact) into.set(c.organizationId, contact);
  }
}
