import { Column } from "./columns.ts";
import { MailboxCountries } from "./mailbox-country.ts";
import { RangeSweep } from "./range-sweep.ts";
import { ReachContacts } from "./reach-contacts.ts";
import { sortByWords } from "./sort-indexes.ts";
import type { RangeCounts, ReachData, ReachReport } from "./reach-data.ts";
import { MALFORMED_LISTED, type RangeTable, type RipeCollector } from "./ripe-collector.ts";

const NONE = -1;

export type ResolveOptions = {
  /** With a country scope: the ASNs to keep, from the RIR's delegated statistics (`delegatedAsns`).
   *  Without: the aut-nums whose org is the org of a kept range. */
  delegatedAsns?: readonly [number, number][] | null;
};

/**
 * Resolves what a collector read into abuse contacts per prefix and per ASN. Consumes the collector:
 * its range tables are released as soon as they are resolved (the import's peak memory).
 *
 * A range's contact is its own abuse-c's mailbox, else its org's abuse-c's. A range without one takes
 * the contact of the nearest less specific range that has one: the ranges are sorted (first address up,
 * size down) and swept with a stack of the ranges containing the current one. Only ranges with a contact
 * of their own are written out, as prefixes (a range that is not CIDR-aligned as its minimal prefix
 * list): the longest of them containing an address is then exactly the nearest range with a contact.
 * Where two ranges give the same prefix (192.0.2.0/24 of `192.0.2.0 - 192.0.3.127` and of
 * `192.0.2.0 - 192.0.2.255`), the more specific range keeps it.
 *
 * With a country scope, only ranges with a listed `country` are kept, and one without a contact of its
 * own whose nearest contact lies in a range outside the scope is written out with that contact (its
 * parent is not kept), as intelmq-certbund-contact does. ASNs: see ResolveOptions.
 */
export function resolveReach(collected: RipeCollector, options: ResolveOptions = {}): ReachData {
  const contacts = new ReachContacts(collected);
  const inScopeOrgs = new Set<number>();
  const countries = new MailboxCountries();
  // IPv6 first: its table is released before the larger IPv4 one is sorted and walked.
  const v6 = resolveFamily(collected, collected.v6, contacts, inScopeOrgs, countries);
  const v4 = resolveFamily(collected, collected.v4, contacts, inScopeOrgs, countries);
  const asns = resolveAsns(collected, contacts, inScopeOrgs, options.delegatedAsns ?? null);

  // Keep only the handles and names the contacts use.
  const handleMap = new Map<number, number>();
  const handles: string[] = [];
  const orgNames: (string | null)[] = [];
  const remap = (h: number) => {
    if (h < 0) return NONE;
    let n = handleMap.get(h);
    if (n === undefined) {
      n = handles.length;
      handleMap.set(h, n);
      handles.push(collected.handles[h]!);
      orgNames.push(collected.orgNames.get(h) ?? null);
    }
    return n;
  };
  const role = contacts.role.take(contacts.size).map(remap);
  const org = contacts.org.take(contacts.size).map(remap);

  const report = reachReport(collected, v4.counts, v6.counts, asns);
  return {
    mailboxes: collected.mailboxes,
    handles,
    orgNames,
    contacts: { mailbox: contacts.mailbox.take(contacts.size), role, org },
    v4: {
      sources: v4.sources,
      prefixes: { start: v4.prefixes.words, bits: v4.prefixes.bits, source: v4.prefixes.source },
    },
    v6: {
      sources: {
        words: v6.sources.first,
        bits: Uint8Array.from(v6.sources.last),
        contact: v6.sources.contact,
        name: v6.sources.name,
      },
      prefixes: v6.prefixes,
    },
    asns: asns.table,
    mailboxCountries: countries.countries(collected.mailboxes.length),
    names: collected.names.take(),
    report,
  };
}

/** What an import read and resolved (`ReachData.report`). */
export function reachReport(
  collected: RipeCollector,
  v4: RangeCounts,
  v6: RangeCounts,
  asns: Pick<ReturnType<typeof resolveAsns>, "counts" | "scope">,
): ReachReport {
  return {
    dumpDate: collected.newestModified,
    objects: { ...collected.objects, ...Object.fromEntries(collected.otherTypes) },
    malformed: { count: collected.malformedCount, first: collected.malformed.slice(0, MALFORMED_LISTED) },
    inetnum: v4,
    inet6num: v6,
    autNum: asns.counts,
    countries: collected.scope ? [...collected.scope].map((c) => String.fromCharCode(c >> 8, c & 255)) : null,
    asnScope: asns.scope,
  };
}

type FamilyResult = {
  counts: RangeCounts;
  /** `last`: the last address (IPv4), the prefix length (IPv6). */
  sources: { first: Uint32Array; last: Uint32Array; contact: Int32Array; name: Int32Array };
  prefixes: { words: Uint32Array; bits: Uint8Array; source: Int32Array };
};

function resolveFamily(
  c: RipeCollector,
  t: RangeTable,
  contacts: ReachContacts,
  inScopeOrgs: Set<number>,
  countries: MailboxCountries,
): FamilyResult {
  const n = t.size;
  const w = t.width;
  const word = (row: number, k: number) => t.word(row, k);
  const scope = c.scope;
  const src = {
    first: new Column(Uint32Array),
    last: new Column(Uint32Array),
    contact: new Column(Int32Array),
    name: new Column(Int32Array),
  };
  let sources = 0;
  // Prefixes as the sweep makes them final (each once); sorted below.
  const pStart = new Column(Uint32Array);
  const pBits = new Column(Uint8Array);
  const pSource = new Column(Int32Array);
  let pieces = 0;
  const sweep = new RangeSweep<number, number>(w, {
    contact: (abuseC, org) => contacts.of(abuseC, org),
    reached: (contact, country) => countries.add(contacts.mailbox.get(contact), country),
    source: (s) => {
      for (let k = 0; k < w; k++) src.first.set(sources * w + k, s.words[k]!);
      src.last.set(sources, s.last);
      src.contact.set(sources, s.contact);
      src.name.set(sources, s.name);
      return sources++;
    },
    prefix: (words, bits, source) => {
      for (let k = 0; k < w; k++) pStart.set(pieces * w + k, words[k]!);
      pBits.set(pieces, bits);
      pSource.set(pieces++, source);
    },
  });
  const range = { words: new Uint32Array(w), last: 0, abuseC: NONE, org: NONE, inScope: true, country: 0, name: NONE };
  const walk = () => {
    // First address up, then the larger range first: a range comes after every range containing it.
    const order = sortByWords(
      n,
      w,
      word,
      (a, b) =>
        // IPv4: the larger range (later last address) first; IPv6: the shorter prefix first.
        (w === 1 ? t.lastOf(b) - t.lastOf(a) : t.lastOf(a) - t.lastOf(b)) || a - b,
    );
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      for (let j = 0; j < w; j++) range.words[j] = word(i, j);
      range.last = t.lastOf(i);
      range.abuseC = t.abuseCOf(i);
      range.org = t.orgOf(i);
      range.inScope = scope === null || t.hasCountry(i, scope);
      range.country = t.countryOf(i);
      range.name = t.nameOf(i);
      sweep.range(range);
      if (range.inScope && range.org >= 0) inScopeOrgs.add(range.org);
    }
    sweep.end();
  };
  // The order (4 bytes a range) goes with walk(), and the table is not needed any more: both are freed
  // before the prefixes are sorted.
  walk();
  t.release();

  // Address then length (each prefix is there once).
  const ps = pStart;
  const pb = pBits;
  const byPrefix = sortByWords(
    pieces,
    w,
    (row, k) => ps.get(row * w + k),
    (a, b) => pb.get(a) - pb.get(b),
  );
  const words = new Uint32Array(pieces * w);
  const bits = new Uint8Array(pieces);
  const source = new Int32Array(pieces);
  for (let k = 0; k < pieces; k++) {
    const p = byPrefix[k]!;
    for (let j = 0; j < w; j++) words[k * w + j] = ps.get(p * w + j);
    bits[k] = pb.get(p);
    source[k] = pSource.get(p);
  }
  return {
    counts: sweep.counts,
    sources: {
      first: src.first.take(sources * w),
      last: src.last.take(sources),
      contact: src.contact.take(sources),
      name: src.name.take(sources),
    },
    prefixes: { words, bits, source },
  };
}

/** The aut-nums kept (see ResolveOptions) and their contacts, by ASN. */
export function resolveAsns(
  c: RipeCollector,
  contacts: ReachContacts,
  inScopeOrgs: ReadonlySet<number>,
  delegated: readonly [number, number][] | null,
) {
  const t = c.asns;
  const scope: ReachReport["asnScope"] = c.scope === null ? "all" : delegated ? "delegated" : "org";
  const inDelegated = (asn: number) => delegated!.some(([a, b]) => asn >= a && asn <= b);
  const kept: { asn: number; contact: number }[] = [];
  const counts = { read: t.size, inScope: 0, withContact: 0, without: 0 };
  const seen = new Set<number>();
  for (let i = 0; i < t.size; i++) {
    const asn = t.asn.get(i);
    const org = t.org.get(i);
    if (seen.has(asn)) continue;
    seen.add(asn);
    if (scope === "delegated" && !inDelegated(asn)) continue;
    if (scope === "org" && !(org >= 0 && inScopeOrgs.has(org))) continue;
    counts.inScope++;
    const contact = contacts.of(t.abuseC.get(i), org);
    if (contact < 0) {
      counts.without++;
      continue;
    }
    counts.withContact++;
    kept.push({ asn, contact });
  }
  kept.sort((a, b) => a.asn - b.asn);
  return {
    counts,
    scope,
    table: { asn: Uint32Array.from(kept, (k) => k.asn), contact: Int32Array.from(kept, (k) => k.contact) },
  };
}
