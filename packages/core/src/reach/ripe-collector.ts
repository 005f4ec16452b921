import { parseCidr } from "../match/ip-address.ts";
import { parseV4, v6Words } from "./address-range.ts";
import { BytePool, Column } from "./columns.ts";
import { RIPE_SCHEMA, RIPE_TYPES, type RipeObjectType } from "./ripe-schema.ts";
import { RpslReader, type RpslEvents } from "./rpsl-reader.ts";

export type MalformedObject = { file: string; line: number; reason: string };

/** How many malformed objects are listed (all are counted). */
export const MALFORMED_LISTED = 100;

const NONE = -1;
const MAILBOX = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** Two upper-case letters as one number (`BE` -> 0x4245); 0 for anything else. */
export function countryCode(text: string): number {
  const a = text.charCodeAt(0) & ~0x20;
  const b = text.charCodeAt(1) & ~0x20;
  return text.length === 2 && a >= 65 && a <= 90 && b >= 65 && b <= 90 ? (a << 8) | b : 0;
}

/** A column's value, NONE past its end (handles interned after the column last grew). */
export const at = (column: Column<Int32Array>, row: number): number => column.getOr(row);

const firstToken = (value: string) => {
  const space = value.search(/\s/);
  return space < 0 ? value : value.slice(0, space);
};

/**
 * The network ranges of one address family, one row each, in typed columns (no object per range). Most
 * ranges (customer assignments) have neither abuse-c nor org: their row is 14 bytes (IPv4); the others
 * also have a row in the `contact` columns, which `ref` points to.
 */
export class RangeTable {
  size = 0;
  /** IPv4: first address (width 1). IPv6: the prefix's four words (width 4). */
  readonly first: Column<Uint32Array>;
  /** IPv4: last address. IPv6: prefix length. */
  readonly last = new Column(Uint32Array);
  readonly country = new Column(Uint16Array);
  /** The row's index in the contact columns, or NONE. */
  readonly ref = new Column(Int32Array);
  withAttributes = 0;
  readonly abuseC = new Column(Int32Array);
  readonly org = new Column(Int32Array);
  /** The netname's offset in `RipeCollector.names`, or NONE: kept only where it may be shown. */
  readonly name = new Column(Int32Array);
  /** Countries after the first, for the few ranges with several `country:` lines. */
  readonly moreCountries = new Map<number, number[]>();

  constructor(readonly width: 1 | 4) {
    this.first = new Column(Uint32Array);
  }

  hasCountry(row: number, scope: ReadonlySet<number>): boolean {
    if (scope.has(this.country.get(row))) return true;
    const more = this.moreCountries.get(row);
    return more !== undefined && more.some((c) => scope.has(c));
  }

  /** Frees the rows (resolveReach is done with them). */
  release(): void {
    for (const column of [this.first, this.last, this.country, this.ref, this.abuseC, this.org, this.name])
      column.clear();
    this.moreCountries.clear();
    this.size = 0;
    this.withAttributes = 0;
  }

  abuseCOf(row: number): number {
    const r = this.ref.get(row);
    return r < 0 ? NONE : this.abuseC.get(r);
  }

  orgOf(row: number): number {
    const r = this.ref.get(row);
    return r < 0 ? NONE : this.org.get(r);
  }

  nameOf(row: number): number {
    const r = this.ref.get(row);
    return r < 0 ? NONE : this.name.get(r);
  }
}

/** An autonomous system per row. */
export class AsnTable {
  size = 0;
  readonly asn = new Column(Uint32Array);
  readonly abuseC = new Column(Int32Array, NONE);
  readonly org = new Column(Int32Array, NONE);
}

export type CollectOptions = {
  /** Keep only ranges whose `country` is one of these (ISO 3166 codes); null: every range. */
  countries?: readonly string[] | null;
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
    const [NETNAME, COUNTRY, ORG, ABUSE_C, NIC_HDL, MAILBOX_, ORG_NAME, MODIFIED] = [
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
        else if (a === MAILBOX_) mailbox ||= value;
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
        if (this.scope !== null && !abuseC && !org && !countries.some((c) => this.scope!.has(c))) {
          this.outOfScope++;
          return null;
        }
        const row = table.size;
        const problem = type === "inetnum" ? this.putV4Range(row, key) : this.putV6Prefix(row, key);
        if (problem !== null) return problem;
        table.size++;
        table.country.set(row, countries[0] ?? 0);
        if (countries.length > 1) table.moreCountries.set(row, countries.slice(1));
        if (abuseC || org) {
          const r = table.withAttributes++;
          table.ref.set(row, r);
          table.abuseC.set(r, abuseC ? this.handle(abuseC) : NONE);
          table.org.set(r, org ? this.handle(org) : NONE);
          table.name.set(r, netname ? this.names.add(netname) : NONE);
        } else table.ref.set(row, NONE);
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
        if (!MAILBOX.test(mailbox)) return `abuse-mailbox '${mailbox}' is not an e-mail address`;
        const h = this.handle(key);
        if (at(this.roleMailbox, h) === NONE) this.roleMailbox.set(h, this.mailbox(mailbox));
        return null;
      }
    }
  }

  private putV4Range(row: number, key: string): string | null {
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
    this.v4.first.set(row, first);
    this.v4.last.set(row, last);
    return null;
  }

  private putV6Prefix(row: number, key: string): string | null {
    const cidr = parseCidr(key);
    if (!cidr.ok || cidr.cidr.version !== 6) return cidr.ok ? "is not an IPv6 prefix" : cidr.message;
    const words = new Uint32Array(4);
    v6Words(cidr.cidr.bytes, words, 0);
    for (let k = 0; k < 4; k++) this.v6.first.set(row * 4 + k, words[k]!);
    this.v6.last.set(row, cidr.cidr.bits);
    return null;
  }
}
