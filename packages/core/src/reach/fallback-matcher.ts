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
import type { PackedAnswers } from "./packed-answers.ts";
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
  /** The RDAP networks' answers, then the millions of a RIPE import's. */
  prefixAnswers: PackedAnswers;
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

/** Slots of the table of results by range (a power of two). */
const RESULT_SLOTS = 1 << 16;
const NO_RESULT: MatchResult = Object.freeze({ organizationId: null, reason: null, candidates: [] });

/**
 * A row's result when only a range's abuse contact reaches it: its one candidate (whose detail is the
 * range's text, decoded from the packed answers) is made when first read, when the row's candidate set is
 * written; a lookup alone makes this one object. Read-only like the matcher's frozen results.
 */
class RangeResult implements MatchResult {
  readonly reason = "abuse_network" as const;
  #candidates: Candidate[] | null = null;
  /** A ResultMemo's value for this result, and which memo set it. */
  memo: unknown = undefined;
  memoOf: object | null = null;

  constructor(
    readonly organizationId: string,
    private readonly answers: PackedAnswers,
    private readonly index: number,
  ) {}

  get candidates(): Candidate[] {
    if (this.#candidates === null) {
      const answer = this.answers.at(this.index)!;
      const candidate = {
        organizationId: this.organizationId,
        reason: this.reason,
        detail: `${answer.source} ${answer.object}`,
      };
      this.#candidates = Object.freeze([Object.freeze(candidate)]) as Candidate[];
    }
    return this.#candidates;
  }
}

/**
 * Values derived from match results, one per distinct result (an upload's COPY tail and candidate set):
 * a Map keyed by the result, except that a range's result keeps the value itself. A list's rows fall in
 * tens of thousands of ranges in no order, and a Map of as many object keys cost 0.5-1 µs a lookup in
 * cache misses, more than the rest of the row's matching. Each memo is its own: a value another memo set
 * (another upload) is not seen. Bounded as the matchers' caches.
 */
export class ResultMemo<T> {
  readonly #others = new Map<MatchResult, T>();
  // What a range's result names as its memo: not the memo itself, which a result kept by the matcher after
  // the upload would keep alive with its Map.
  readonly #token = {};

  get(m: MatchResult): T | undefined {
    if (m instanceof RangeResult) return m.memoOf === this.#token ? (m.memo as T) : undefined;
    return this.#others.get(m);
  }

  set(m: MatchResult, value: T): void {
    if (m instanceof RangeResult) {
      m.memoOf = this.#token;
      m.memo = value;
      return;
    }
    if (this.#others.size >= MATCH_CACHE_SIZE) this.#others.clear();
    this.#others.set(m, value);
  }
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

  // Results of rows with only a range, by the range's answer index in a direct-mapped table: a lookup
  // whose range was seen recently is one array read, and one whose range was not (every address in
  // another range) replaces a slot instead of growing and clearing a Map.
  const slotKey = new Int32Array(RESULT_SLOTS).fill(-1);
  const slotResult: MatchResult[] = new Array<MatchResult>(RESULT_SLOTS).fill(NO_RESULT);
  const results = new Map<string, MatchResult>();
  // Per mailbox number (PackedAnswers.mailboxOf): its organization id, "" while not known, null when
  // blocked. A hit in a range never met reads these numbers and no string: hashing a mailbox string to
  // find its id in a Map cost more than the rest of the lookup.
  const answers = data.prefixAnswers;
  const mailboxIds: (string | null)[] = new Array<string | null>(answers.mailboxCount).fill("");

  /** The result of a row reaching only a range's contact (the most frequent fallback outcome). */
  function rangeResult(base: MatchResult, prefix: number): MatchResult {
    const m = answers.mailboxOf(prefix);
    let id: string | null = mailboxIds[m]!;
    if (id === "") {
      const answer = answers.at(prefix)!;
      id = data.blocked.has(answer.mailbox) ? null : idOf(answer.mailbox);
      mailboxIds[m] = id;
      if (id !== null && !contacts.has(id))
        contacts.set(id, { ...answer, organizationId: id, reason: "abuse_network" });
    }
    return id === null ? base : new RangeResult(id, answers, prefix);
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
    if (!sec && !asnAnswer && override < 0) {
      if (prefix < 0) return base;
      const slot = prefix & (RESULT_SLOTS - 1);
      if (slotKey[slot] === prefix) return slotResult[slot]!;
      const result = rangeResult(base, prefix);
      slotKey[slot] = prefix;
      slotResult[slot] = result;
      return result;
    }
    const key = `${sec ? domain : ""}\u0001${prefix}\u0001${asnAnswer ? asn : ""}\u0001${override}`;
    const known = results.get(key);
    if (known) return known;
    const target = override >= 0 ? data.overrides!.targets[override] : undefined;
    const result = build(base, sec, prefix, asnAnswer, target);
    if (results.size >= MATCH_CACHE_SIZE) results.clear();
    results.set(key, result);
    return result;
  }

  function build(
    base: MatchResult,
    sec: FallbackAnswer | undefined,
    prefix: number,
    asnAnswer: FallbackAnswer | undefined,
    target: ContactOverrideTarget | undefined,
  ): MatchResult {
    const candidates: Candidate[] = [];
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
    return first
      ? Object.freeze({
          organizationId: first.organizationId,
          reason: first.reason,
          candidates: Object.freeze(candidates) as Candidate[],
        })
      : base;
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
