import { forEachV4Prefix } from "./address-range.ts";
import { Column } from "./columns.ts";
import { MailboxCountries } from "./mailbox-country.ts";
import { sortByWords } from "./sort-indexes.ts";
import type { RangeCounts, ReachData, ReachReport } from "./reach-data.ts";
import { MALFORMED_LISTED, type RangeTable, type RipeCollector } from "./ripe-collector.ts";

const NONE = -1;

export type ResolveOptions = {
  /** With a country scope: the ASNs to keep, from the RIR's delegated statistics (`delegatedAsns`).
   *  Without: the aut-nums whose org is the org of a kept range. */
  delegatedAsns?: readonly [number, number][] | null;
};

/** Contacts interned as (role, org) pairs: every range of a LIR shares one. */
class Contacts {
  readonly mailbox = new Column(Int32Array);
  readonly role = new Column(Int32Array);
  readonly org = new Column(Int32Array);
  size = 0;
  private readonly ids = new Map<number, number>();
  constructor(private readonly c: RipeCollector) {}

  /** A range's or aut-num's contact: its own abuse-c, else its org's abuse-c; NONE if neither has a mailbox. */
  of(abuseC: number, org: number): number {
    const c = this.c;
    if (abuseC >= 0 && c.roleMailbox.getOr(abuseC) >= 0) return this.id(abuseC, NONE);
    const orgRole = org >= 0 ? c.orgAbuseC.getOr(org) : NONE;
    if (orgRole >= 0 && c.roleMailbox.getOr(orgRole) >= 0) return this.id(orgRole, org);
    return NONE;
  }

  private id(role: number, org: number): number {
    const key = role * (this.c.handles.length + 1) + org + 1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(key, id);
      this.mailbox.set(id, this.c.roleMailbox.getOr(role));
      this.role.set(id, role);
      this.org.set(id, org);
    }
    return id;
  }
}

const emptyCounts = (): RangeCounts => ({ read: 0, inScope: 0, withContact: 0, inherited: 0, without: 0 });

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
  const contacts = new Contacts(collected);
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

  const report: ReachReport = {
    dumpDate: collected.newestModified,
    objects: { ...collected.objects, ...Object.fromEntries(collected.otherTypes) },
    malformed: { count: collected.malformedCount, first: collected.malformed.slice(0, MALFORMED_LISTED) },
    inetnum: v4.counts,
    inet6num: v6.counts,
    autNum: asns.counts,
    countries: collected.scope ? [...collected.scope].map((c) => String.fromCharCode(c >> 8, c & 255)) : null,
    asnScope: asns.scope,
  };
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

type FamilyResult = {
  counts: RangeCounts;
  /** `last`: the last address (IPv4), the prefix length (IPv6). */
  sources: { first: Uint32Array; last: Uint32Array; contact: Int32Array; name: Int32Array };
  prefixes: { words: Uint32Array; bits: Uint8Array; source: Int32Array };
};

function resolveFamily(
  c: RipeCollector,
  t: RangeTable,
  contacts: Contacts,
  inScopeOrgs: Set<number>,
  countries: MailboxCountries,
): FamilyResult {
  const n = t.size;
  const w = t.width;
  // IPv4: first and last address; IPv6: the prefix's words and its length.
  const word = (row: number, k: number) => t.word(row, k);
  const last = { get: (row: number) => t.lastOf(row) };

  const contains =
    w === 1
      ? (p: number, q: number) => last.get(p) >= last.get(q)
      : (p: number, q: number) => {
          const bits = last.get(p);
          if (bits > last.get(q)) return false;
          for (let k = 0; k < 4; k++) {
            const take = Math.min(32, Math.max(0, bits - 32 * k));
            if (take === 0) return true;
            const mask = take === 32 ? 0xffffffff : ~(0xffffffff >>> take) >>> 0;
            if (((word(p, k) ^ word(q, k)) & mask) !== 0) return false;
          }
          return true;
        };

  const counts = emptyCounts();
  counts.read = n;
  const scope = c.scope;
  const src = {
    first: new Column(Uint32Array),
    last: new Column(Uint32Array),
    contact: new Column(Int32Array),
    name: new Column(Int32Array),
  };
  let sources = 0;
  const addSource = (row: number, contact: number) => {
    const s = sources++;
    for (let k = 0; k < w; k++) src.first.set(s * w + k, word(row, k));
    src.last.set(s, last.get(row));
    src.contact.set(s, contact);
    src.name.set(s, t.nameOf(row));
    return s;
  };
  // Out of a country scope, one parent may give its contact to many kept ranges: one source for all.
  const parentSources = new Map<number, number>();
  // Prefixes in sweep order; sorted and made unique below.
  const pStart = new Column(Uint32Array);
  const pBits = new Column(Uint8Array);
  const pSource = new Column(Int32Array);
  let pieces = 0;
  const emit = (row: number, source: number) => {
    if (w === 1) {
      forEachV4Prefix(word(row, 0), last.get(row), (start, bits) => {
        pStart.set(pieces, start);
        pBits.set(pieces, bits);
        pSource.set(pieces++, source);
      });
    } else {
      for (let k = 0; k < 4; k++) pStart.set(pieces * 4 + k, word(row, k));
      pBits.set(pieces, last.get(row));
      pSource.set(pieces++, source);
    }
  };

  // The stack of ranges containing the current one, each with the nearest range at or above it that
  // has a contact, and that contact (no array of the table's size: the stack is as deep as the nesting).
  const stackRow: number[] = [];
  const stackNearest: number[] = [];
  const stackContact: number[] = [];
  const walk = () => {
    // First address up, then the larger range first: a range comes after every range containing it.
    const order = sortByWords(
      n,
      w,
      word,
      (a, b) =>
        // IPv4: the larger range (later last address) first; IPv6: the shorter prefix first.
        (w === 1 ? last.get(b) - last.get(a) : last.get(a) - last.get(b)) || a - b,
    );
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      while (stackRow.length > 0 && !contains(stackRow[stackRow.length - 1]!, i)) {
        stackRow.pop();
        stackNearest.pop();
        stackContact.pop();
      }
      const depth = stackRow.length;
      const above = depth > 0 ? stackRow[depth - 1]! : NONE; // the smallest range containing this one
      const parent = depth > 0 ? stackNearest[depth - 1]! : NONE; // the nearest one with a contact
      const parentContact = depth > 0 ? stackContact[depth - 1]! : NONE;
      const org = t.orgOf(i);
      const own = contacts.of(t.abuseCOf(i), org);
      stackRow.push(i);
      stackNearest.push(own >= 0 ? i : parent);
      stackContact.push(own >= 0 ? own : parentContact);
      if (scope !== null && !t.hasCountry(i, scope)) continue;
      counts.inScope++;
      if (org >= 0) inScopeOrgs.add(org);
      const reached = own >= 0 ? own : parentContact;
      if (reached >= 0) countries.add(contacts.mailbox.get(reached), t.countryOf(i));
      if (own >= 0) {
        counts.withContact++;
        emit(i, addSource(i, own));
      } else if (parent >= 0) {
        counts.inherited++;
        // Out of the scope, the range above is not written out: this one carries the inherited contact
        // (in scope, the range above is written out, or carries it itself).
        if (scope !== null && !t.hasCountry(above, scope)) {
          let s = parentSources.get(parent);
          if (s === undefined) parentSources.set(parent, (s = addSource(parent, parentContact)));
          emit(i, s);
        }
      } else counts.without++;
    }
  };
  // The order (8 bytes a range) goes with walk(), and the table is not needed any more: both are freed
  // before the prefixes are sorted.
  walk();
  t.release();

  // Unique prefixes, address then length; for equal ones the last emitted (the most specific range) wins.
  const ps = pStart;
  const pb = pBits;
  const byPrefix = sortByWords(
    pieces,
    w,
    (row, k) => ps.get(row * w + k),
    (a, b) => pb.get(a) - pb.get(b) || a - b,
  );
  const same = (a: number, b: number) => {
    if (pb.get(a) !== pb.get(b)) return false;
    for (let k = 0; k < w; k++) if (ps.get(a * w + k) !== ps.get(b * w + k)) return false;
    return true;
  };
  let unique = 0;
  for (let k = 0; k < pieces; k++) {
    if (k + 1 < pieces && same(byPrefix[k]!, byPrefix[k + 1]!)) continue;
    byPrefix[unique++] = byPrefix[k]!;
  }
  const words = new Uint32Array(unique * w);
  const bits = new Uint8Array(unique);
  const source = new Int32Array(unique);
  for (let k = 0; k < unique; k++) {
    const p = byPrefix[k]!;
    for (let j = 0; j < w; j++) words[k * w + j] = ps.get(p * w + j);
    bits[k] = pb.get(p);
    source[k] = pSource.get(p);
  }
  return {
    counts,
    sources: {
      first: src.first.take(sources * w),
      last: src.last.take(sources),
      contact: src.contact.take(sources),
      name: src.name.take(sources),
    },
    prefixes: { words, bits, source },
  };
}

function resolveAsns(
  c: RipeCollector,
  contacts: Contacts,
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
