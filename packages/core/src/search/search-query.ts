import { parseCidr, parseIp } from "../match/ip-address.ts";
import { hostnameOf } from "../ingest/normalise-values.ts";
import { NOTICE_REFERENCE_PATTERN } from "../notice-reference.ts";
import { REPORT_REFERENCE_PATTERN } from "../reports/reference.ts";

/**
 * What a staff search names, read the way an analyst types it. Each kind is answered from its own indexes,
 * so the kind is decided here once, before any query runs.
 */
export type SearchQuery =
  | { kind: "ip"; value: string }
  | { kind: "cidr"; value: string }
  | { kind: "notice_reference"; value: string }
  | { kind: "report_reference"; value: string }
  | { kind: "email"; value: string }
  | { kind: "hostname"; value: string }
  | { kind: "text"; value: string };

export const SEARCH_KINDS = [
  "ip",
  "cidr",
  "notice_reference",
  "report_reference",
  "email",
  "hostname",
  "text",
] as const;

export const MIN_TEXT_SEARCH = 2;
export const MAX_SEARCH_CHARS = 200;

export type ReadSearch = { ok: true; query: SearchQuery } | { ok: false; message: string };

// A plain address or a network; a name with a dot (owa.example.be); anything else is an organization's name.
export function readSearchQuery(input: string): ReadSearch {
  const s = input.trim();
  if (s.length < MIN_TEXT_SEARCH) return { ok: false, message: `at least ${MIN_TEXT_SEARCH} characters` };
  if (s.length > MAX_SEARCH_CHARS) return { ok: false, message: `at most ${MAX_SEARCH_CHARS} characters` };
  const ip = parseIp(s);
  if (ip) return { ok: true, query: { kind: "ip", value: ip.text } };
  if (s.includes("/") && parseIp(s.slice(0, s.indexOf("/")))) {
    const cidr = parseCidr(s);
    // A network typed with host bits set (198.51.100.7/24) means the network around it: say which, do not guess.
    return cidr.ok
      ? { ok: true, query: { kind: "cidr", value: cidr.cidr.text } }
      : { ok: false, message: cidr.message };
  }
  const upper = s.toUpperCase();
  if (NOTICE_REFERENCE_PATTERN.test(upper)) return { ok: true, query: { kind: "notice_reference", value: upper } };
  if (REPORT_REFERENCE_PATTERN.test(upper)) return { ok: true, query: { kind: "report_reference", value: upper } };
  if (/^[^\s@]+@[^\s@]+$/.test(s)) return { ok: true, query: { kind: "email", value: s.toLowerCase() } };
  const host = s.includes(".") ? hostnameOf(s) : null;
  if (host) return { ok: true, query: { kind: "hostname", value: host } };
  return { ok: true, query: { kind: "text", value: s } };
}
