import { parseCidr } from "../match/ip-address.ts";
import { parseV4, v6Words } from "./address-range.ts";
import { BytePool, Column } from "./columns.ts";
import { isMailbox } from "./mailbox.ts";
import { RIPE_SCHEMA, RIPE_TYPES, type RipeObjectType } from "./ripe-schema.ts";
import { RpslReader, type RpslEvents } from "./rpsl-reader.ts";

export type MalformedObject = { file: string; line: number; reason: string };

/** How many malformed objects are listed (all are counted). */
export const MALFORMED_LISTED = 100;

const NONE = -1;

/** Two upper-case letters as one number (`BE` -> 0x4245); 0 for anything else. */
export function countryCode(text: string): number {
  const a = text.charCodeAt(0) & ~0x20;
  const b = text.charCodeAt(1) & ~0x20;
  return text.length === 2 && a >= 65 && a <= 90 && b >= 65 && b <= 90 ? (a << 8) | b : 0;
}

const firstToken = (value: string) => {
  const space = value.search(/\s/);
  return space < 0 ? value : value.slice(0, space);
};

/**
 * The network ranges of one address family, in typed columns (no object per range), in two parts: most
 * ranges (customer assignments) have neither abuse-c nor org and need only their addresses (8 bytes an
 * IPv4 range; in a country scope they are kept only when in it, so their country is not needed); the
 * others also keep country, abuse-c, org and netname. After reading, row r < `bare` is a bare range,
 * the others are `bare + k` for the k-th range with attributes.
 */
export class RangeTable {
  bare = 0;
  attributed = 0;
  /** Per part: IPv4 first address (width 1) or the IPv6 prefix's four words (width 4). */
  private readonly first = [new Column(Uint32Array), new Column(Uint32Array)];
  /** Per part: IPv4 last address, IPv6 prefix length. */
  private readonly last: Column<Uint32Array | Uint8Array>[];
  private readonly country = new Column(Uint16Array);
  private readonly abuseC = new Column(Int32Array);
  private readonly org = new Column(Int32Array);
  /** The netname's reference in `RipeCollector.names`, or NONE. */
  private readonly name = new Column(Int32Array);
  /** Countries after the first, for the few ranges with several `country:` lines. */
  private readonly moreCountries = new Map<number, number[]>();

  constructor(readonly width: 1 | 4) {
    const last = () => (width === 1 ? new Column<Uint32Array>(Uint32Array) : new Column<Uint8Array>(Uint8Array));
    this.last = [last(), last()];
  }

  get size(): number {
    return this.bare + this.attributed;
  }

  /** Adds a range: `words` its first address (or prefix) words, `last` its last address (or length). */
  add(
    words: ArrayLike<number>,
    last: number,
    attributes: { country: number[]; abuseC: number; org: number; name: number } | null,
  ): void {
    const part = attributes === null ? 0 : 1;
    const row = part === 0 ? this.bare++ : this.attributed++;
    for (let k = 0; k < this.width; k++) this.first[part]!.set(row * this.width + k, words[k]!);
    this.last[part]!.set(row, last);
    if (attributes === null) return;
    this.country.set(row, attributes.country[0] ?? 0);
    if (attributes.country.length > 1) this.moreCountries.set(row, attributes.country.slice(1));
    this.abuseC.set(row, attributes.abuseC);
    this.org.set(row, attributes.org);
    this.name.set(row, attributes.name);
  }

  word(row: number, k: number): number {
    return row < this.bare
      ? this.first[0]!.get(row * this.width + k)
      : this.first[1]!.get((row - this.bare) * this.width + k);
  }

  lastOf(row: number): number {
    return row < this.bare ? this.last[0]!.get(row) : this.last[1]!.get(row - this.bare);
  }

  /** A bare range is in the scope (it was kept only if it was). */
  hasCountry(row: number, scope: ReadonlySet<number>): boolean {
    if (row < this.bare) return true;
    const r = row - this.bare;
    if (scope.has(this.country.get(r))) return true;
    const more = this.moreCountries.get(r);
    return more !== undefined && more.some((c) => scope.has(c));
  }

  /** The first `country:` of a range with attributes; 0 for a bare one or none read. */
  countryOf(row: number): number {
    return row < this.bare ? 0 : this.country.get(row - this.bare);
  }

  abuseCOf(row: number): number {
    return row < this.bare ? NONE : this.abuseC.get(row - this.bare);
  }

  orgOf(row: number): number {
    return row < this.bare ? NONE : this.org.get(row - this.bare);
  }

  nameOf(row: number): number {
    return row < this.bare ? NONE : this.name.get(row - this.bare);
  }

  /** Frees the rows (resolveReach is done with them). */
  release(): void {
    for (const column of [...this.first, ...this.last, this.country, this.abuseC, this.org, this.name]) column.clear();
    this.moreCountries.clear();
    this.bare = 0;
    this.attributed = 0;
  }
}

/** An autonomous system per row. */
export class AsnTable {
  size = 0;
  readonly asn = new Column(Uint32Array);
  readonly abuseC = new Column(Int32Array, NONE);
  readonly org = new Column(Int32Array, NONE);
}

/** A range as read: first address (IPv4) or prefix words (IPv6), last address or length, interned handles. */
export type ReadRange = {
  words: ArrayLike<number>;
  last: number;
  /** Handles, or -1. */
  abuseC: number;
  org: number;
  /** Country codes (`countryCode`), every `country:` line's. */
  countries: readonly number[];
  name: string | null;
};

export type CollectOptions = {
  /** Keep only ranges whose `country` is one of these (ISO 3166 codes); null: every range. */
  countries?: readonly string[] | null;
  /**
   * Where the ranges go instead of the collector's tables, for an import that keeps them out of memory
   * (sorted back and resolved by ReachStream). Called synchronously for each range kept.
   */
  ranges?: ((family: 4 | 6, range: ReadRange) => void) | null;
};

/**
 * Gathers, from any number of RIPE split files in any order, what resolving abuse contacts needs: the
 * ranges (inetnum, inet6num) with their abuse-c, org, country and netname, the aut-nums, each
 * organisation's abuse-c and name, each role's abuse-mailbox. Handles are interned (upper-case: RPSL
 * handles are case-insensitive) and mailboxes lower-cased, so each is one small number in the tables.
 * Out of a country scope, a range with neither abuse-c nor org is dropped as it is read: it can neither
 * give a contact nor be listed.
 */
export class RipeCollector {
  readonly v4 = new RangeTable(1);
  readonly v6 = new RangeTable(4);
  readonly asns = new AsnTable();
  readonly handles: string[] = [];
  readonly mailboxes: string[] = [];
  /** Per handle: the mailbox of the role or person with that nic-hdl. */
  readonly roleMailbox = new Column(Int32Array, NONE);
  /** Per handle: the abuse-c of the organisation with that handle. */
  readonly orgAbuseC = new Column(Int32Array, NONE);
  readonly orgNames = new Map<number, string>();
  readonly names = new BytePool();
  readonly scope: ReadonlySet<number> | null;
  private readonly sink: CollectOptions["ranges"];

  readonly objects: Record<string, number> = Object.fromEntries(RIPE_TYPES.map((t) => [t, 0]));
  /** Objects of the types not read (in a whole-database dump), by type. */
  readonly otherTypes = new Map<string, number>();
  readonly malformed: MalformedObject[] = [];
  malformedCount = 0;
  outOfScope = 0;
  newestModified: string | null = null;

  private readonly handleIds = new Map<string, number>();
  private readonly mailboxIds = new Map<string, number>();
  private file = "";

  constructor(options: CollectOptions = {}) {
    this.scope = options.countries ? new Set(options.countries.map(countryCode).filter((c) => c !== 0)) : null;
    this.sink = options.ranges ?? null;
  }

  /** A range with these countries is in the scope (every range without a scope). */
  inScope(countries: readonly number[]): boolean {
    return this.scope === null || countries.some((c) => this.scope!.has(c));
  }

  /** A reader for one file (any of the split files, or a whole dump): push its bytes, then `end()`. */
  reader(label: string): RpslReader {
    this.file = label;
    return new RpslReader(RIPE_SCHEMA, this.events(), this.otherTypes);
  }

  handle(text: string): number {
    const key = firstToken(text).toUpperCase();
    let id = this.handleIds.get(key);
    if (id === undefined) {
      id = this.handles.length;
      this.handles.push(key);
      this.handleIds.set(key, id);
    }
    return id;
  }

  private mailbox(text: string): number {
    const key = text.toLowerCase();
    let id = this.mailboxIds.get(key);
    if (id === undefined) {
      id = this.mailboxes.length;
      this.mailboxes.push(key);
      this.mailboxIds.set(key, id);
    }
    return id;
  }

  private report(line: number, reason: string): void {
    this.malformedCount++;
    if (this.malformed.length < MALFORMED_LISTED) this.malformed.push({ file: this.file, line, reason });
  }

  private events(): RpslEvents {
    // The object being read, attribute by attribute; committed by `end`.
    let type: RipeObjectType = "inetnum";
    let line = 0;
    let key = "";
    let netname = "";
    let countries: number[] = [];
    let org = "";
    let abuseC = "";
    let mailbox = "";
    let orgName = "";
    // Attribute indexes, compared as numbers for every attribute of every object.
    const at = new Map(RpslReader.attributeNamesOf(RIPE_SCHEMA).map((n, i) => [n, i]));
    const typeIds = RIPE_TYPES.map((t) => at.get(t)!);
    const [NETNAME, COUNTRY, ORG, ABUSE_C, NIC_HDL, ABUSE_MAILBOX, ORG_NAME, MODIFIED] = [
      "netname",
      "country",
      "org",
      "abuse-c",
      "nic-hdl",
      "abuse-mailbox",
      "org-name",
      "last-modified",
    ].map((n) => at.get(n)!);
    let typeId = -1;
    return {
      begin: (t, startLine) => {
        type = RIPE_TYPES[t]!;
        typeId = typeIds[t]!;
        line = startLine;
        key = netname = org = abuseC = mailbox = orgName = "";
        countries = [];
      },
      attribute: (a, value) => {
        if (a === typeId && type !== "role" && type !== "person") key ||= value;
        else if (a === NETNAME) netname ||= value;
        else if (a === COUNTRY) {
          const c = countryCode(firstToken(value));
          if (c !== 0) countries.push(c);
        } else if (a === ORG) org ||= value;
        else if (a === ABUSE_C) abuseC ||= value;
        else if (a === NIC_HDL) key ||= value;
        else if (a === ABUSE_MAILBOX) mailbox ||= value;
        else if (a === ORG_NAME) orgName ||= value;
        else if (a === MODIFIED) {
          if (/^\d{4}-\d\d-\d\dT/.test(value) && (this.newestModified === null || value > this.newestModified)) {
            this.newestModified = value;
          }
        }
      },
      end: () => {
        const problem = this.commit(type, key, netname, countries, org, abuseC, mailbox, orgName);
        if (problem === null) this.objects[type] = (this.objects[type] ?? 0) + 1;
        else this.report(line, `${type} ${key ? `'${key}' ` : ""}${problem}`);
      },
      malformed: (badLine, reason) => {
        this.report(badLine, reason);
      },
    };
  }

  /** Stores one object; returns what is wrong with it, or null. */
  private commit(
    type: RipeObjectType,
    key: string,
    netname: string,
    countries: number[],
    org: string,
    abuseC: string,
    mailbox: string,
    orgName: string,
  ): string | null {
    switch (type) {
      case "inetnum":
      case "inet6num": {
        const table = type === "inetnum" ? this.v4 : this.v6;
        const address = type === "inetnum" ? v4Range(key) : v6Prefix(key);
        if (typeof address === "string") return address;
        if (this.scope !== null && !abuseC && !org && !countries.some((c) => this.scope!.has(c))) {
          this.outOfScope++;
          return null;
        }
        if (this.sink) {
          this.sink(type === "inetnum" ? 4 : 6, {
            words: address.words,
            last: address.last,
            abuseC: abuseC ? this.handle(abuseC) : NONE,
            org: org ? this.handle(org) : NONE,
            countries,
            name: netname || null,
          });
          return null;
        }
        // A bare range needs no country: out of a scope it was dropped above.
        table.add(
          address.words,
          address.last,
          abuseC || org
            ? {
                country: countries,
                abuseC: abuseC ? this.handle(abuseC) : NONE,
                org: org ? this.handle(org) : NONE,
                name: netname ? this.names.add(netname) : NONE,
              }
            : null,
        );
        return null;
      }
      case "aut-num": {
        const m = /^AS(\d{1,10})$/i.exec(key);
        if (!m || Number(m[1]) > 0xffffffff) return "is not an AS number";
        const row = this.asns.size++;
        this.asns.asn.set(row, Number(m[1]));
        this.asns.abuseC.set(row, abuseC ? this.handle(abuseC) : NONE);
        this.asns.org.set(row, org ? this.handle(org) : NONE);
        return null;
      }
      case "organisation": {
        if (!key) return "has no handle";
        const h = this.handle(key);
        if (abuseC) this.orgAbuseC.set(h, this.handle(abuseC));
        if (orgName) this.orgNames.set(h, orgName);
        return null;
      }
      case "role":
      case "person": {
        if (!key) return "has no nic-hdl";
        if (!mailbox) return null;
        if (!isMailbox(mailbox)) return `abuse-mailbox '${mailbox}' is not an e-mail address`;
        const h = this.handle(key);
        if (this.roleMailbox.getOr(h) === NONE) this.roleMailbox.set(h, this.mailbox(mailbox));
        return null;
      }
    }
  }
}

/** An inetnum's range (`first - last`, or a prefix) as its first address and last, or what is wrong. */
function v4Range(key: string): { words: [number]; last: number } | string {
  let first: number;
  let last: number;
  const dash = key.indexOf("-");
  if (dash >= 0) {
    first = parseV4(key.slice(0, dash).trim());
    last = parseV4(key.slice(dash + 1).trim());
  } else {
    const cidr = parseCidr(key);
    if (!cidr.ok || cidr.cidr.version !== 4) return "is not an IPv4 range";
    const b = cidr.cidr.bytes;
    first = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    last = first + 2 ** (32 - cidr.cidr.bits) - 1;
  }
  if (first < 0 || last < 0) return "is not an IPv4 range";
  if (first > last) return "starts after it ends";
  return { words: [first], last };
}

/** An inet6num's prefix as its four words and its length, or what is wrong. */
function v6Prefix(key: string): { words: Uint32Array; last: number } | string {
  const cidr = parseCidr(key);
  if (!cidr.ok || cidr.cidr.version !== 6) return cidr.ok ? "is not an IPv6 prefix" : cidr.message;
  const words = new Uint32Array(4);
  v6Words(cidr.cidr.bytes, words, 0);
  return { words, last: cidr.cidr.bits };
}
