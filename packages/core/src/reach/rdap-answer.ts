import { parseIp } from "../match/ip-address.ts";
import { bigIntText, rangePrefixes } from "./address-range.ts";
import { isMailbox } from "./mailbox.ts";

/** The abuse contact found in an RDAP answer, and the entities it was found under (provenance). */
export type RdapAbuse = {
  mailboxes: string[];
  handle: string | null;
  /** From the top: `registrant ORG-X` then `abuse ABUSE-Y` for ARIN's nesting; `abuse AR1-RIPE` for RIPE's. */
  path: string[];
};

export type RdapNetwork = {
  handle: string | null;
  name: string | null;
  country: string | null;
  /** The network as prefixes: `cidr0_cidrs` where given, else start and end address made prefixes. */
  prefixes: string[];
  abuse: RdapAbuse | null;
  /** How long to keep this answer (see rdapTtl). */
  ttlSeconds: number;
};

export type RdapAutnum = {
  handle: string | null;
  name: string | null;
  country: string | null;
  first: number;
  last: number;
  abuse: RdapAbuse | null;
  ttlSeconds: number;
};

export type RdapResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Caching hints from the answer's HTTP headers: RDAP (RFC 9083) has none in its JSON. */
export type RdapCaching = { cacheControl?: string | null; expires?: string | null; date?: string | null };

/**
 * How long an RDAP answer is kept, in seconds. The server's `Cache-Control: max-age` (or `Expires` minus
 * `Date`) when it sends one, bounded to [5 minutes, 7 days]; otherwise a day, for an answer with or without
 * an abuse contact (registration data changes rarely, and a day keeps a list's re-runs from asking again).
 * `no-store`/`no-cache` gives the minimum. Failures (timeouts, 5xx) are the fetcher's: retry after 15 min.
 */
export const RDAP_TTL = { fallbackSeconds: 86_400, minSeconds: 300, maxSeconds: 7 * 86_400, failureSeconds: 900 };

export function rdapTtl(caching: RdapCaching = {}): number {
  const clamp = (s: number) => Math.min(RDAP_TTL.maxSeconds, Math.max(RDAP_TTL.minSeconds, Math.floor(s)));
  const cc = caching.cacheControl?.toLowerCase() ?? "";
  if (/\b(no-store|no-cache)\b/.test(cc)) return RDAP_TTL.minSeconds;
  const maxAge = /\b(?:s-maxage|max-age)\s*=\s*(\d+)/.exec(cc);
  if (maxAge) return clamp(Number(maxAge[1]));
  if (caching.expires) {
    const expires = Date.parse(caching.expires);
    const date = caching.date ? Date.parse(caching.date) : NaN;
    if (!Number.isNaN(expires) && !Number.isNaN(date)) return clamp((expires - date) / 1000);
  }
  return RDAP_TTL.fallbackSeconds;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

/** An RDAP error answer (`errorCode`, `title`) as a reason. */
function errorOf(json: Json): string | null {
  if (typeof json.errorCode !== "number") return null;
  return `RDAP error ${json.errorCode}${typeof json.title === "string" ? `: ${json.title}` : ""}`;
}

/** Reads an `ip network` answer (RFC 9083 5.4). */
export function parseRdapIpNetwork(json: unknown, caching: RdapCaching = {}): RdapResult<RdapNetwork> {
  if (!isObject(json)) return { ok: false, reason: "not a JSON object" };
  const error = errorOf(json);
  if (error) return { ok: false, reason: error };
  if (json.objectClassName !== "ip network") return { ok: false, reason: "not an ip network object" };
  const prefixes = networkPrefixes(json);
  if (prefixes.length === 0) return { ok: false, reason: "no startAddress/endAddress or cidr0_cidrs" };
  return {
    ok: true,
    value: {
      handle: str(json.handle),
      name: str(json.name),
      country: str(json.country),
      prefixes,
      abuse: findAbuse(json),
      ttlSeconds: rdapTtl(caching),
    },
  };
}

/** Reads an `autnum` answer (RFC 9083 5.5). */
export function parseRdapAutnum(json: unknown, caching: RdapCaching = {}): RdapResult<RdapAutnum> {
  if (!isObject(json)) return { ok: false, reason: "not a JSON object" };
  const error = errorOf(json);
  if (error) return { ok: false, reason: error };
  if (json.objectClassName !== "autnum") return { ok: false, reason: "not an autnum object" };
  const first = Number(json.startAutnum);
  const last = Number(json.endAutnum ?? json.startAutnum);
  if (!Number.isInteger(first) || !Number.isInteger(last)) return { ok: false, reason: "no startAutnum" };
  return {
    ok: true,
    value: {
      handle: str(json.handle),
      name: str(json.name),
      country: str(json.country),
      first,
      last,
      abuse: findAbuse(json),
      ttlSeconds: rdapTtl(caching),
    },
  };
}

function networkPrefixes(json: Json): string[] {
  const out: string[] = [];
  // The cidr0 extension lists the prefixes themselves.
  if (Array.isArray(json.cidr0_cidrs)) {
    for (const c of json.cidr0_cidrs as unknown[]) {
      if (!isObject(c) || typeof c.length !== "number") continue;
      const prefix = str(c.v4prefix) ?? str(c.v6prefix);
      const ip = prefix ? parseIp(prefix) : null;
      if (ip) out.push(`${ip.text}/${c.length}`);
    }
    if (out.length > 0) return out;
  }
  // RIPE's server has written the addresses with a prefix length (`2003::/18`): the address part is read.
  const first = parseIp(String(json.startAddress ?? "").split("/")[0]!);
  const last = parseIp(String(json.endAddress ?? "").split("/")[0]!);
  if (!first || !last || first.version !== last.version) return out;
  const width = first.version === 4 ? 32 : 128;
  const big = (bytes: number[]) => bytes.reduce((v, b) => (v << 8n) | BigInt(b), 0n);
  const a = big(first.bytes);
  const b = big(last.bytes);
  if (a > b) return out;
  for (const p of rangePrefixes(a, b, width)) out.push(`${bigIntText(p.start, width)}/${p.bits}`);
  return out;
}

/**
 * The entity with the role `abuse`, searched breadth first through `entities` and the entities nested in
 * them (ARIN puts it under the registrant organisation; RIPE at the top), the shallowest with an e-mail
 * first. Its mailboxes: the jCard `email` properties, those typed `abuse` first.
 */
export function findAbuse(json: Json): RdapAbuse | null {
  const children = (e: Json, path: string[]): { entity: Json; path: string[] }[] =>
    Array.isArray(e.entities) ? (e.entities as unknown[]).filter(isObject).map((entity) => ({ entity, path })) : [];
  let level = children(json, []);
  for (let depth = 0; depth < 5 && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { entity, path } of level) {
      const roles = Array.isArray(entity.roles) ? (entity.roles as unknown[]).map((r) => String(r).toLowerCase()) : [];
      const here = [...path, `${roles.join(",") || "entity"} ${str(entity.handle) ?? "?"}`];
      if (roles.includes("abuse")) {
        const mailboxes = jcardEmails(entity.vcardArray);
        if (mailboxes.length > 0) return { mailboxes, handle: str(entity.handle), path: here };
      }
      next.push(...children(entity, here));
    }
    level = next;
  }
  return null;
}

/** The e-mail addresses of a jCard (RFC 7095: `["vcard", [[name, params, type, value], ...]]`). */
export function jcardEmails(vcard: unknown): string[] {
  if (!Array.isArray(vcard) || vcard[0] !== "vcard" || !Array.isArray(vcard[1])) return [];
  const typed: string[] = [];
  const other: string[] = [];
  for (const property of vcard[1] as unknown[]) {
    if (!Array.isArray(property) || String(property[0]).toLowerCase() !== "email") continue;
    const value = str(property[3])
      ?.replace(/^mailto:/i, "")
      .trim()
      .toLowerCase();
    if (!value || !isMailbox(value)) continue;
    const params = isObject(property[1]) ? property[1] : {};
    const type = Array.isArray(params.type) ? params.type.join(",") : String(params.type ?? "");
    const list = /\babuse\b/i.test(type) ? typed : other;
    if (!typed.includes(value) && !other.includes(value)) list.push(value);
  }
  return [...typed, ...other];
}
