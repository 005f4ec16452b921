import { ipv4, Lcg } from "./random.ts";

// A synthetic RIPE database dump in RIPE's split-file format, built by the project itself (never read from
// elsewhere). Harmless by construction: every IPv4 range lies in address space reserved for documentation
// and benchmarking (198.18.0.0/15, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) or, for a dump of the
// real size, which those cannot hold, in 240.0.0.0/4 (reserved since RFC 1112, never allocated or routed);
// every IPv6 prefix in 2001:db8::/32; every AS number in the private-use range 4200000000-4294967294 (RFC
// 6996); every mailbox under `.example` (RFC 2606), so nothing generated here reaches a real network or
// mailbox, even if mailed.

/** The real dump's size (2021): what `bench:ripe` generates at `--scale 1`. */
export const RIPE_REAL_SIZE = {
  inetnum: 4_500_000,
  inet6num: 1_300_000,
  autNum: 40_000,
  organisation: 100_000,
  role: 100_000,
} as const;

/** The newest `last-modified` in every generated dump (one role carries it): the dump's date. */
export const RIPE_DUMP_NEWEST = "2021-03-09T04:15:00Z";

export type RipeDumpOptions = {
  seed?: number;
  inetnum: number;
  inet6num: number;
  autNum: number;
  organisation: number;
  role: number;
  /**
   * IPv4 space: the documentation and benchmarking ranges (default), 240.0.0.0/4 for the real size, or
   * blocks `[first address, size]` (a list's addresses, for a benchmark that matches them).
   */
  space?: "documentation" | "class-e" | readonly (readonly [number, number])[];
  /**
   * Each IPv4 block also gets a range covering all of it with an abuse-c (an aggregate above the
   * allocations), so every address of the space has a contact: legacy space and gaps inherit it.
   */
  cover?: boolean;
  /** Called for every IPv4 range written, with the mailbox that must answer for it (null: nobody). */
  onRange?: (range: RangeTruth) => void;
  /** Called for every malformed object written, with the line the reader must report. */
  onMalformed?: (file: string, line: number) => void;
};

export type RangeTruth =
  | { family: 4; first: number; last: number; mailbox: string | null; own: boolean; country: string }
  | { family: 6; prefix: string; mailbox: string | null; own: boolean; country: string };

export type RipeDumpFile = { name: string; chunks: () => Generator<Buffer> };

const HEADER = [
  "#",
  "# The contents of this file are subject to ",
  "# RIPE Database Terms and Conditions",
  "#",
  "# https://docs.db.ripe.net/terms-conditions.html",
  "#",
];
// What RIPE's export appends to every object that held personal data (roles, organisations).
const MODIFIED_REMARKS = [
  "****************************",
  "* THIS OBJECT IS MODIFIED",
  "* Please note that all data that is generally regarded as personal",
  "* data has been removed from this object.",
  "* To view the original object, please query the RIPE Database at:",
  "* http://www.ripe.net/whois",
  "****************************",
];
const WORDS = ["Atlas", "Brabant", "Schelde", "Meuse", "Ardenne", "Kempen", "Polder", "Sambre", "Dijle", "Yser"];
const KINDS = ["Telecom", "Hosting", "Networks", "Datacenter", "Connect", "Online", "Fibre", "Cloud"];
// Non-ASCII names: written as latin-1 bytes (as RIPE's export does), some as UTF-8.
const ACCENTED = ["Société Générale des Réseaux", "Müller Netzwerke", "Liège Fibre", "Zürich Höst", "Øresund Net"];
const COUNTRIES: [string, number][] = [
  ["NL", 0.25],
  ["DE", 0.25],
  ["BE", 0.2],
  ["FR", 0.15],
  ["LU", 0.05],
  ["GB", 0.05],
  ["EU", 0.05],
];
const ASN_BASE = 4_200_000_000;
const PAD = 16;

/** An IPv6 prefix as RIPE writes it (RFC 5952: lower-case, the longest run of zero groups as `::`). */
function v6Prefix(groups: number[], bits: number): string {
  const g = [...groups, 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8);
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
  }
  const hex = g.map((x) => x.toString(16));
  const text = best < 0 ? hex.join(":") : `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLength).join(":")}`;
  return `${text}/${bits}`;
}

const line = (name: string, value: string) => `${`${name}:`.padEnd(PAD)}${value}`;
const base26 = (n: number) => {
  let s = "";
  let x = n;
  do {
    s = String.fromCharCode(65 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return s.padStart(2, "A");
};
/** A deterministic number in [0, 1) for (index, salt): the files are written independently of each other. */
function hash(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

export const orgHandle = (i: number) => `ORG-${base26(i)}${i % 10}-RIPE`;
export const roleHandle = (j: number) => `${base26(j)}${1 + (j % 97)}-RIPE`;
export const roleMailbox = (j: number) => `abuse@${WORDS[j % WORDS.length]!.toLowerCase()}-${j}.example`;

/** A day before the dump's date, as RIPE writes times. */
function stamp(rng: Lcg): string {
  const t = Date.UTC(2005, 0, 1) + Math.floor(rng.next() * (Date.UTC(2021, 2, 8) - Date.UTC(2005, 0, 1)));
  return new Date(t).toISOString().replace(/\.\d+Z$/, "Z");
}

/** Output of one file: latin-1 text batched into ~1 MiB buffers, a UTF-8 object as its own buffer. */
class Writer {
  line = 0;
  private batch: string[] = [];
  private size = 0;
  private ready: Buffer[] = [];

  constructor() {
    this.text(HEADER);
  }

  /** Writes an object (a blank line before it, as RIPE's export does); returns its first line. */
  object(lines: string[], utf8 = false): number {
    const first = this.line + 2;
    if (utf8) {
      this.flush();
      this.ready.push(Buffer.from(`\n${lines.join("\n")}\n`, "utf8"));
      this.line += lines.length + 1;
    } else this.text(["", ...lines]);
    return first;
  }

  text(lines: string[]): void {
    const s = `${lines.join("\n")}\n`;
    this.batch.push(s);
    this.size += s.length;
    this.line += lines.length;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    this.ready.push(Buffer.from(this.batch.join(""), "latin1"));
    this.batch = [];
    this.size = 0;
  }

  *drain(): Generator<Buffer> {
    while (this.ready.length > 0) yield this.ready.shift()!;
  }
}

/**
 * A RIPE dump: `ripe.db.inetnum`, `ripe.db.inet6num`, `ripe.db.aut-num`, `ripe.db.organisation`,
 * `ripe.db.role` and `ripe.db.person`, each generated on demand as a stream of buffers (the real size,
 * ~3 GB, is never held). Deterministic from the seed; each file is made independently (organisations,
 * roles and their mailboxes are functions of their index).
 *
 * Ranges: allocations (/21 of IPv4 with an org, /44 of IPv6) holding assignments of /26../29, ranges
 * that are not CIDR-aligned, sub-allocations with nested assignments; a quarter of the assignments have
 * their own abuse-c, some an org, the rest inherit; 1 in 97 allocations is legacy space with no contact,
 * 1 in 53 organisations has no abuse-c. A few countries differ from their allocation's. A few malformed
 * objects per file, continuation lines, `#` and `%` comment lines, trailing comments, latin-1 and UTF-8.
 */
export function ripeDump(options: RipeDumpOptions): RipeDumpFile[] {
  const o: Options = { seed: 2021, space: "documentation", ...options };
  return [
    { name: "ripe.db.inetnum", chunks: () => inetnums(o) },
    { name: "ripe.db.inet6num", chunks: () => inet6nums(o) },
    { name: "ripe.db.aut-num", chunks: () => autNums(o) },
    { name: "ripe.db.organisation", chunks: () => organisations(o) },
    { name: "ripe.db.role", chunks: () => roles(o) },
    { name: "ripe.db.person", chunks: () => persons() },
  ];
}

type Options = RipeDumpOptions & { seed: number; space: NonNullable<RipeDumpOptions["space"]> };

const orgHasAbuse = (i: number) => i % 53 !== 17;
const orgRole = (o: Options, i: number) => i % o.role;
const orgMailboxOf = (o: Options, i: number) => (orgHasAbuse(i) ? roleMailbox(orgRole(o, i)) : null);
function orgCountry(i: number): string {
  let r = hash(i, 7);
  for (const [c, p] of COUNTRIES) if ((r -= p) < 0) return c;
  return "NL";
}
const orgName = (i: number) =>
  i % 41 === 5 ? `${ACCENTED[i % ACCENTED.length]} ${i}` : `${WORDS[i % WORDS.length]} ${KINDS[i % KINDS.length]} ${i}`;

/** Every `every`-th object of a file is followed by a malformed one (at least two a file). */
const malformedEvery = (count: number) => Math.max(1, Math.floor(count / (2 + Math.floor(count / 100_000))));

function rangeLines(
  rng: Lcg,
  key: "inetnum" | "inet6num",
  value: string,
  netname: string,
  country: string,
  status: string,
  contact: { org: number | null; abuse: number | null },
): string[] {
  const lines = [line(key, value), line("netname", netname)];
  lines.push(
    line("descr", `${WORDS[Math.floor(rng.next() * WORDS.length)]} ${KINDS[Math.floor(rng.next() * KINDS.length)]}`),
  );
  lines.push(line("descr", `${WORDS[Math.floor(rng.next() * WORDS.length)]} customer network`));
  lines.push(line("country", rng.next() < 0.02 ? `${country} # ${country} and neighbours` : country));
  if (contact.org !== null) lines.push(line("org", orgHandle(contact.org)));
  lines.push(line("admin-c", "DUMY-RIPE"), line("tech-c", "DUMY-RIPE"));
  if (contact.abuse !== null) lines.push(line("abuse-c", roleHandle(contact.abuse)));
  const maintainer = `${netname.split("-")[1]}-MNT`;
  lines.push(line("status", status), line("mnt-by", maintainer));
  if (status !== "ASSIGNED PA" && status !== "ASSIGNED") lines.push(line("mnt-lower", maintainer));
  if (rng.next() < 0.3) lines.push(line("mnt-routes", maintainer));
  if (rng.next() < 0.15) lines.push(line("remarks", "Abuse reports to the abuse-c only,"), "                please.");
  if (rng.next() < 0.01) lines.push("# an operator's comment inside the object");
  lines.push(line("created", stamp(rng)), line("last-modified", stamp(rng)), line("source", "RIPE"));
  return lines;
}

function* inetnums(o: Options): Generator<Buffer> {
  const rng = new Lcg(o.seed + 1);
  const w = new Writer();
  const blocks: readonly (readonly [number, number])[] =
    typeof o.space !== "string"
      ? o.space
      : o.space === "class-e"
        ? [[0xf0000000, 2 ** 28]]
        : [
            [((198 << 24) | (18 << 16)) >>> 0, 2 ** 17],
            [((192 << 24) | (2 << 8)) >>> 0, 256],
            [((198 << 24) | (51 << 16) | (100 << 8)) >>> 0, 256],
            [((203 << 24) | (113 << 8)) >>> 0, 256],
          ];
  const every = malformedEvery(o.inetnum);
  let written = 0;
  let bad = 0;
  const write = (lines: string[], truth: RangeTruth) => {
    w.object(lines);
    o.onRange?.(truth);
    if (++written % every === 0) malformed();
  };
  const malformed = () => {
    const kind = bad++ % 3;
    const lines =
      kind === 0
        ? [line("inetnum", "198.18.300.0 - 198.18.300.255"), line("netname", "BROKEN-ADDRESS"), line("source", "RIPE")]
        : kind === 1
          ? [line("inetnum", "198.19.255.0 - 198.19.254.255"), line("netname", "BACKWARDS"), line("source", "RIPE")]
          : [line("inetnum", "198.19.255.0 - 198.19.255.255"), "netname BROKEN-NO-COLON", line("source", "RIPE")];
    const first = w.object(lines);
    o.onMalformed?.("ripe.db.inetnum", kind === 2 ? first + 1 : first);
  };
  if (o.cover) {
    for (const [k, [first, size]] of blocks.entries()) {
      const last = first + size - 1;
      const lines = rangeLines(
        rng,
        "inetnum",
        `${ipv4(first)} - ${ipv4(last)}`,
        `EU-AGGREGATE-${k}`,
        "EU",
        "ALLOCATED UNSPECIFIED",
        {
          org: null,
          abuse: 0,
        },
      );
      write(lines, { family: 4, first, last, mailbox: roleMailbox(0), own: true, country: "EU" });
    }
  }
  let block = 0;
  let cursor = blocks[0]![0];
  for (let a = 0; written < o.inetnum; a++) {
    const [blockStart, blockSize] = blocks[block]!;
    const size = Math.min(2048, blockSize);
    if (cursor + size > blockStart + blockSize) {
      if (++block >= blocks.length) throw new Error("too many inetnums for the documentation ranges: use class-e");
      cursor = blocks[block]![0];
      continue;
    }
    const first = cursor;
    const last = cursor + size - 1;
    cursor += size;
    const org = Math.floor(hash(a, 3) * o.organisation);
    const legacy = a % 97 === 13;
    const country = orgCountry(org);
    const allocMailbox = legacy ? null : orgMailboxOf(o, org);
    const name = `${country}-${WORDS[a % WORDS.length]!.toUpperCase()}-${a}`;
    write(
      rangeLines(rng, "inetnum", `${ipv4(first)} - ${ipv4(last)}`, name, country, legacy ? "LEGACY" : "ALLOCATED PA", {
        org: legacy ? null : org,
        abuse: null,
      }),
      { family: 4, first, last, mailbox: allocMailbox, own: allocMailbox !== null, country },
    );
    // Assignments inside, from the allocation's start; each one's mailbox: its own, its org's, or inherited.
    const assign = (s: number, e: number, status: string, parentMailbox: string | null, depth: number) => {
      const r = rng.next();
      const abuse = r < 0.25 ? Math.floor(rng.next() * o.role) : null;
      const withOrg = r >= 0.25 && r < 0.3 ? Math.floor(rng.next() * o.organisation) : null;
      const c = rng.next() < 0.1 ? orgCountry(Math.floor(rng.next() * o.organisation)) : country;
      const own = abuse !== null ? roleMailbox(abuse) : withOrg !== null ? orgMailboxOf(o, withOrg) : null;
      const net = `${c}-${depth === 1 ? "CUST" : "SUB"}-${written}`;
      write(rangeLines(rng, "inetnum", `${ipv4(s)} - ${ipv4(e)}`, net, c, status, { org: withOrg, abuse }), {
        family: 4,
        first: s,
        last: e,
        mailbox: own ?? parentMailbox,
        own: own !== null,
        country: c,
      });
      return own ?? parentMailbox;
    };
    let at = first;
    const children = 20 + Math.floor(rng.next() * 60);
    for (let k = 0; k < children && written < o.inetnum; k++) {
      const kind = rng.next();
      if (kind < 0.12) {
        at += 8 * (1 + Math.floor(rng.next() * 4)); // a gap: addresses of the allocation not assigned
      } else if (kind < 0.2) {
        // Not CIDR-aligned: 48 addresses (a /27 and a /28), or 192 (a /25 and a /26).
        const unit = rng.next() < 0.5 ? 16 : 64;
        at = Math.ceil(at / (unit * 4)) * unit * 4;
        if (at + unit * 3 - 1 > last) break;
        assign(at, at + unit * 3 - 1, "ASSIGNED PA", allocMailbox, 1);
        at += unit * 4;
      } else if (kind < 0.3) {
        // A sub-allocation with nested assignments, most of them without a contact of their own.
        at = Math.ceil(at / 64) * 64;
        if (at + 63 > last) break;
        const subMailbox = assign(at, at + 63, "SUB-ALLOCATED PA", allocMailbox, 2);
        for (let n = 0; n < 2 + Math.floor(rng.next() * 3) && written < o.inetnum; n++) {
          assign(at + n * 8, at + n * 8 + 7, "ASSIGNED PA", subMailbox, 1);
        }
        at += 64;
      } else {
        const size2 = 8 << Math.floor(rng.next() * 4); // /29../26
        at = Math.ceil(at / size2) * size2;
        if (at + size2 - 1 > last) break;
        assign(at, at + size2 - 1, "ASSIGNED PA", allocMailbox, 1);
        at += size2;
      }
      if (at > last) break;
    }
    if (a % 5000 === 4999) w.text(["", "% a comment line between objects"]);
    yield* w.drain();
  }
  w.flush();
  yield* w.drain();
}

function* inet6nums(o: Options): Generator<Buffer> {
  const rng = new Lcg(o.seed + 2);
  const w = new Writer();
  const every = malformedEvery(o.inet6num);
  let written = 0;
  let bad = 0;
  const write = (lines: string[], truth: RangeTruth) => {
    w.object(lines);
    o.onRange?.(truth);
    if (++written % every === 0) {
      const lines2 =
        bad++ % 2 === 0
          ? [line("inet6num", "2001:db8::/129"), line("netname", "BROKEN-LENGTH"), line("source", "RIPE")]
          : ["                2001:db8::/48", line("netname", "BROKEN-START"), line("source", "RIPE")];
      const first = w.object(lines2); // written whether or not anyone listens
      o.onMalformed?.("ripe.db.inet6num", first);
    }
  };
  for (let a = 0; written < o.inet6num; a++) {
    if (a >= 4096) throw new Error("too many inet6nums for 2001:db8::/32");
    const org = Math.floor(hash(a, 5) * o.organisation);
    const country = orgCountry(org);
    const allocMailbox = orgMailboxOf(o, org);
    const h3 = a << 4; // the /44's bits in the third group
    const prefix = v6Prefix([0x2001, 0xdb8, h3], 44);
    write(
      rangeLines(rng, "inet6num", prefix, `${country}-V6-${a}`, country, "ALLOCATED-BY-RIR", { org, abuse: null }),
      { family: 6, prefix, mailbox: allocMailbox, own: allocMailbox !== null, country },
    );
    const children = 200 + Math.floor(rng.next() * 400);
    for (let k = 0; k < children && written < o.inet6num; k++) {
      // A /56 in one of the allocation's sixteen /48s, sometimes with a /64 nested in it.
      const h = h3 | (k & 15);
      const y = k >> 4;
      if (y > 255) break;
      const r = rng.next();
      const abuse = r < 0.25 ? Math.floor(rng.next() * o.role) : null;
      const own = abuse !== null ? roleMailbox(abuse) : null;
      const p56 = v6Prefix([0x2001, 0xdb8, h, y << 8], 56);
      write(rangeLines(rng, "inet6num", p56, `${country}-V6C-${written}`, country, "ASSIGNED", { org: null, abuse }), {
        family: 6,
        prefix: p56,
        mailbox: own ?? allocMailbox,
        own: own !== null,
        country,
      });
      if (rng.next() < 0.2 && written < o.inet6num) {
        const p64 = v6Prefix([0x2001, 0xdb8, h, (y << 8) | 1], 64);
        write(
          rangeLines(rng, "inet6num", p64, `${country}-V6H-${written}`, country, "ASSIGNED", {
            org: null,
            abuse: null,
          }),
          {
            family: 6,
            prefix: p64,
            mailbox: own ?? allocMailbox,
            own: false,
            country,
          },
        );
      }
    }
    yield* w.drain();
  }
  w.flush();
  yield* w.drain();
}

/** The ASN of aut-num i and the mailbox that must answer for it (null: nobody). */
export function autNumTruth(o: Pick<RipeDumpOptions, "role" | "organisation">, i: number) {
  const org = i % o.organisation;
  const own = i % 10 < 3 ? (i * 7) % o.role : null;
  const full = { ...o, seed: 0, space: "documentation" as const, inetnum: 0, inet6num: 0, autNum: 0 };
  return {
    asn: ASN_BASE + i,
    org,
    mailbox: own !== null ? roleMailbox(own) : orgMailboxOf(full, org),
    country: orgCountry(org),
  };
}

function* autNums(o: Options): Generator<Buffer> {
  const rng = new Lcg(o.seed + 3);
  const w = new Writer();
  const every = malformedEvery(o.autNum);
  for (let i = 0; i < o.autNum; i++) {
    const t = autNumTruth(o, i);
    const lines = [line("aut-num", `AS${t.asn}`), line("as-name", `${WORDS[i % WORDS.length]!.toUpperCase()}-AS`)];
    lines.push(line("org", orgHandle(t.org)));
    for (let p = 0; p < 2 + (i % 4); p++) {
      lines.push(line("import", `from AS${ASN_BASE + ((i + p + 1) % o.autNum)} accept ANY`));
      lines.push(line("export", `to AS${ASN_BASE + ((i + p + 1) % o.autNum)} announce AS${t.asn}`));
    }
    lines.push(line("admin-c", "DUMY-RIPE"), line("tech-c", "DUMY-RIPE"));
    if (i % 10 < 3) lines.push(line("abuse-c", roleHandle((i * 7) % o.role)));
    lines.push(line("status", "ASSIGNED"), line("mnt-by", "RIPE-NCC-END-MNT"));
    lines.push(line("created", stamp(rng)), line("last-modified", stamp(rng)), line("source", "RIPE"));
    w.object(lines);
    if ((i + 1) % every === 0) {
      const first = w.object([line("aut-num", "AS-NOT-A-NUMBER"), line("source", "RIPE")]);
      o.onMalformed?.("ripe.db.aut-num", first);
    }
    if (i % 4096 === 0) yield* w.drain();
  }
  w.flush();
  yield* w.drain();
}

function* organisations(o: Options): Generator<Buffer> {
  const rng = new Lcg(o.seed + 4);
  const w = new Writer();
  const every = malformedEvery(o.organisation);
  for (let i = 0; i < o.organisation; i++) {
    const name = orgName(i);
    const lines = [line("organisation", orgHandle(i))];
    // Long names go on a continuation line, as some organisations write them.
    if (i % 29 === 3)
      lines.push(
        line("org-name", name.split(" ").slice(0, 2).join(" ")),
        `+               ${name.split(" ").slice(2).join(" ")}`,
      );
    else lines.push(line("org-name", name));
    lines.push(line("country", orgCountry(i)), line("org-type", i % 3 === 0 ? "LIR" : "OTHER"));
    lines.push(line("address", `Dummy address for ${orgHandle(i)}`), line("e-mail", "unread@ripe.example"));
    if (orgHasAbuse(i)) lines.push(line("abuse-c", roleHandle(orgRole(o, i))));
    lines.push(line("mnt-ref", `${base26(i)}-MNT`), line("mnt-by", `${base26(i)}-MNT`));
    lines.push(line("created", stamp(rng)), line("last-modified", stamp(rng)), line("source", "RIPE"));
    for (const r of MODIFIED_REMARKS) lines.push(line("remarks", `        ${r}`));
    w.object(lines, i % 41 === 5 && i % 2 === 0);
    if ((i + 1) % every === 0) {
      const first = w.object([line("organisation", `ORG-BROKEN${i}-RIPE`), "org-name Broken", line("source", "RIPE")]);
      o.onMalformed?.("ripe.db.organisation", first + 1);
    }
    if (i % 4096 === 0) yield* w.drain();
  }
  w.flush();
  yield* w.drain();
}

function* roles(o: Options): Generator<Buffer> {
  const rng = new Lcg(o.seed + 5);
  const w = new Writer();
  const every = malformedEvery(o.role);
  for (let j = 0; j < o.role; j++) {
    const mailbox = roleMailbox(j);
    const lines = [line("role", `${WORDS[j % WORDS.length]} abuse desk ${j}`)];
    lines.push(line("address", `Dummy address for ${roleHandle(j)}`), line("e-mail", "unread@ripe.example"));
    // Mailboxes are compared lower-case: a few are written otherwise.
    lines.push(line("abuse-mailbox", j % 17 === 0 ? mailbox.toUpperCase() : mailbox));
    lines.push(line("admin-c", "DUMY-RIPE"), line("tech-c", "DUMY-RIPE"), line("nic-hdl", roleHandle(j)));
    lines.push(line("mnt-by", `${base26(j)}-MNT`), line("created", stamp(rng)));
    lines.push(line("last-modified", j === 0 ? RIPE_DUMP_NEWEST : stamp(rng)), line("source", "RIPE"));
    for (const r of MODIFIED_REMARKS) lines.push(line("remarks", `        ${r}`));
    w.object(lines);
    if ((j + 1) % every === 0) {
      const first = w.object([
        line("role", "No handle"),
        line("abuse-mailbox", "abuse@nohandle.example"),
        line("source", "RIPE"),
      ]);
      o.onMalformed?.("ripe.db.role", first);
    }
    if (j % 4096 === 0) yield* w.drain();
  }
  w.flush();
  yield* w.drain();
}

/** RIPE's public dump replaces every person by this one placeholder. */
function* persons(): Generator<Buffer> {
  const w = new Writer();
  w.object([
    line("person", "Placeholder Person Object"),
    line("address", "RIPE Network Coordination Centre"),
    line("phone", "+31 20 535 4444"),
    line("nic-hdl", "DUMY-RIPE"),
    line("mnt-by", "RIPE-DBM-MNT"),
    line("remarks", "* This is a placeholder object to protect personal data."),
    line("created", "2009-07-24T17:00:00Z"),
    line("last-modified", "2009-07-24T17:00:00Z"),
    line("source", "RIPE"),
  ]);
  w.flush();
  yield* w.drain();
}

/** RIPE's delegated statistics for the generated ASNs (`delegated-ripencc-latest` format). */
export function delegatedStats(o: Pick<RipeDumpOptions, "autNum" | "role" | "organisation">): string {
  const lines = [`2|ripencc|20210309|${o.autNum}|19830705|20210308|+0100`, `ripencc|*|asn|*|${o.autNum}|summary`];
  for (let i = 0; i < o.autNum; i++) {
    const t = autNumTruth(o, i);
    lines.push(`ripencc|${t.country}|asn|${t.asn}|1|20100101|allocated`);
  }
  return `${lines.join("\n")}\n`;
}
