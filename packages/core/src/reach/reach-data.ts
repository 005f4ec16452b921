import { BytePool } from "./columns.ts";
import { v4Text, v6Text } from "./address-range.ts";
import type { MalformedObject } from "./ripe-collector.ts";

export type RangeCounts = {
  /** Objects read (valid ones). */
  read: number;
  /** Of those, in the country scope (all of them without a scope). */
  inScope: number;
  /** In scope, with an abuse contact of their own (their abuse-c, or their org's). */
  withContact: number;
  /** In scope, without one of their own, but inside a less specific range that has one. */
  inherited: number;
  /** In scope, reaching nobody. */
  without: number;
};

/** What an import read and resolved: shown to staff, recorded with the import. */
export type ReachReport = {
  /** The dump's date: RIPE's split files carry none in their header, so the newest `last-modified` read. */
  dumpDate: string | null;
  /** Objects read per type, the types not read included (a whole-database dump has them). */
  objects: Record<string, number>;
  malformed: { count: number; first: MalformedObject[] };
  inetnum: RangeCounts;
  inet6num: RangeCounts;
  autNum: { read: number; inScope: number; withContact: number; without: number };
  /** Country scope (ISO codes), or null for everything. */
  countries: string[] | null;
  /** How the ASNs were scoped: every one, from a delegated-stats file, or by sharing an org with a kept range. */
  asnScope: "all" | "delegated" | "org";
};

/**
 * The resolved abuse contacts of one import, in typed arrays (no object per range), ready to be written
 * (`prefixRows`, `asnRows`), serialised (`encodeReach`) and loaded for lookups (`ReachLookup`).
 *
 * - a contact is a role (the abuse-c used) and, when it came through the range's organisation, that org;
 *   its mailbox is the role's abuse-mailbox;
 * - a source is the RIPE object whose contact applies (its range or prefix is its primary key, shown
 *   as provenance with its netname);
 * - prefixes are unique, sorted (address, then length), each naming its source: the longest prefix
 *   containing an address gives its contact, which is the nearest less specific range with a contact.
 */
export type ReachData = {
  mailboxes: string[];
  handles: string[];
  /** Per handle: the organisation's `org-name`, for org handles. */
  orgNames: (string | null)[];
  contacts: { mailbox: Int32Array; role: Int32Array; org: Int32Array };
  v4: {
    sources: { first: Uint32Array; last: Uint32Array; contact: Int32Array; name: Int32Array };
    prefixes: { start: Uint32Array; bits: Uint8Array; source: Int32Array };
  };
  v6: {
    sources: { words: Uint32Array; bits: Uint8Array; contact: Int32Array; name: Int32Array };
    prefixes: { words: Uint32Array; bits: Uint8Array; source: Int32Array };
  };
  asns: { asn: Uint32Array; contact: Int32Array };
  /** Per mailbox, the country of most of the ranges reaching it (`countryCode`), 0 for none. */
  mailboxCountries: Uint16Array;
  /** Netnames of the sources: BytePool's chunks (a source's `name` is a reference into them). */
  names: Uint8Array[];
  report: ReachReport;
};

export type ReachKind = "inetnum" | "inet6num" | "aut-num";

/** Who to mail for an address or an ASN, and why. */
export type ReachAnswer = {
  mailbox: string;
  kind: ReachKind;
  /** The RIPE object whose contact this is: `192.0.2.0 - 192.0.3.127`, `2001:db8::/32` or `AS64496`. */
  source: string;
  /** Its netname (ranges). */
  name: string | null;
  /** The role whose abuse-mailbox this is. */
  role: string;
  /** The organisation the abuse-c was taken from, when the object had none of its own. */
  org: string | null;
  orgName: string | null;
};

/** A row to store: one unique prefix and its answer (`cidr` is PostgreSQL `cidr` text). */
export type ReachPrefixRow = ReachAnswer & { cidr: string };
export type ReachAsnRow = ReachAnswer & { asn: number };

/** The answer of a source (family 4 or 6) or of an ASN row (family 0). */
export function reachAnswer(data: ReachData, family: 0 | 4 | 6, index: number): ReachAnswer {
  let contact: number;
  let source: string;
  let kind: ReachKind;
  let nameRef = -1;
  if (family === 4) {
    const s = data.v4.sources;
    contact = s.contact[index]!;
    source = `${v4Text(s.first[index]!)} - ${v4Text(s.last[index]!)}`;
    kind = "inetnum";
    nameRef = s.name[index]!;
  } else if (family === 6) {
    const s = data.v6.sources;
    contact = s.contact[index]!;
    source = `${v6Text(s.words, index * 4)}/${s.bits[index]}`;
    kind = "inet6num";
    nameRef = s.name[index]!;
  } else {
    contact = data.asns.contact[index]!;
    source = `AS${data.asns.asn[index]}`;
    kind = "aut-num";
  }
  const org = data.contacts.org[contact]!;
  return {
    mailbox: data.mailboxes[data.contacts.mailbox[contact]!]!,
    kind,
    source,
    name: nameRef >= 0 ? BytePool.text(data.names, nameRef) : null,
    role: data.handles[data.contacts.role[contact]!]!,
    org: org >= 0 ? data.handles[org]! : null,
    orgName: org >= 0 ? data.orgNames[org]! : null,
  };
}

// A row is one object literal, its answer's fields written out: spreading an answer into each row made
// V8 keep millions of rows in its old space (150 MiB more at the real dump's size, measured twice).
export function row<K extends "cidr" | "asn">(key: K, value: K extends "cidr" ? string : number, a: ReachAnswer) {
  return {
    [key]: value,
    mailbox: a.mailbox,
    kind: a.kind,
    source: a.source,
    name: a.name,
    role: a.role,
    org: a.org,
    orgName: a.orgName,
  } as K extends "cidr" ? ReachPrefixRow : ReachAsnRow;
}

/** Every prefix with its answer, for `COPY` (unique cidr values). */
export function* prefixRows(data: ReachData): Generator<ReachPrefixRow> {
  for (const family of [4, 6] as const) {
    const p = family === 4 ? data.v4.prefixes : data.v6.prefixes;
    let last = -1;
    let answer: ReachAnswer | null = null;
    for (let i = 0; i < p.source.length; i++) {
      const source = p.source[i]!;
      if (source !== last) answer = reachAnswer(data, family, (last = source));
      const address = family === 4 ? v4Text(data.v4.prefixes.start[i]!) : v6Text(data.v6.prefixes.words, i * 4);
      yield row("cidr", `${address}/${p.bits[i]}`, answer!);
    }
  }
}

/** Every ASN with its answer. */
export function* asnRows(data: ReachData): Generator<ReachAsnRow> {
  for (let i = 0; i < data.asns.asn.length; i++) yield row("asn", data.asns.asn[i]!, reachAnswer(data, 0, i));
}
