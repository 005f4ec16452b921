import type { ContactRole, Language } from "@baken/core";
import { ipv4, Lcg } from "./random.ts";

// A synthetic organization registry. Every address lies in ranges reserved for documentation and
// benchmarking (198.18.0.0/15, 2001:db8::/32) and every domain ends in .example, so nothing generated
// here can point at a real organization.

export type BuiltContact = { email: string; name: string; role: ContactRole; language?: "en" };

/** One organization, in the registry import format (one line of registry.ndjson). */
export type BuiltOrganization = {
  name: string;
  sector: string;
  country: string;
  language: Language;
  contacts: BuiltContact[];
  cidrs: string[];
  asns: number[];
  domains: string[];
};

export type BuiltRegistry = {
  organizations: BuiltOrganization[];
  /** How many of the first organizations are ISPs (a /20 and an ASN each). */
  ispCount: number;
  /** IPv4 range [start, end) reachable by CIDR for each organization that has one (same index). */
  ranges: ReadonlyMap<number, readonly [number, number]>;
  /** Start of every /28 a customer owns inside ISP space. */
  ownedBlocks: ReadonlySet<number>;
  /** The generator's state after the registry: a list built without its own seed continues from here. */
  stateAfter: number;
};

const WORDS = [
  "Atlas",
  "Brabant",
  "Schelde",
  "Meuse",
  "Ardenne",
  "Kempen",
  "Polder",
  "Lys",
  "Sambre",
  "Dijle",
  "Zenne",
  "Yser",
  "Nete",
  "Durme",
  "Demer",
  "Ourthe",
  "Semois",
  "Amstel",
  "Vecht",
  "Eem",
  "Waal",
  "Linge",
  "Dommel",
  "Aa",
];
const KINDS = [
  "Logistics",
  "Hospital",
  "Gemeente",
  "Commune",
  "Bank",
  "Verzekeringen",
  "Université",
  "Hogeschool",
  "Metaal",
  "Transport",
  "Energie",
  "Pharma",
  "Notariaat",
  "Avocats",
  "Bouw",
  "Retail",
  "Telecom",
  "Water",
  "Zorg",
  "Onderwijs",
];
const SECTORS = [
  "health",
  "finance",
  "government",
  "education",
  "energy",
  "transport",
  "manufacturing",
  "legal",
  "retail",
  "ict",
];
const LANGUAGES: [BuiltOrganization["language"], number][] = [
  ["nl", 0.55],
  ["fr", 0.38],
  ["de", 0.02],
  ["en", 0.05],
];
const ROLES = ["abuse", "security", "technical"] as const;

export const ISP_COUNT = 24;
/** 198.18.0.0: the start of the benchmarking range the registry carves up (512 /24 blocks). */
export const BASE = ((198 << 24) | (18 << 16)) >>> 0;
const END = BASE + 512 * 256;

/**
 * `orgs` organizations: 24 ISPs with a /20 and an ASN each, then customers that hold a /28 inside an ISP's
 * /20 (80%) or a /26 in the free space beyond, 15% also an IPv6 /48, each its own `.example` domain.
 * When two customers draw the same /28, only the first keeps it (the other is reachable by domain only).
 */
export function buildRegistry({
  orgs: count = 5000,
  seed = 2021,
}: { orgs?: number; seed?: number } = {}): BuiltRegistry {
  if (count <= ISP_COUNT)
    throw new Error(`a registry needs more than ${ISP_COUNT} organizations (the ISPs come first)`);
  const rng = new Lcg(seed);
  const language = () => {
    let r = rng.next();
    for (const [l, p] of LANGUAGES) if ((r -= p) < 0) return l;
    return "nl" as const;
  };
  const organizations: BuiltOrganization[] = [];
  const ranges = new Map<number, readonly [number, number]>();
  const isps = ISP_COUNT;
  for (let i = 0; i < isps; i++) {
    const start = BASE + i * 4096;
    organizations.push({
      name: `${WORDS[i % WORDS.length]} Telecom ${i + 1}`,
      sector: "ict",
      country: i % 3 ? "BE" : "NL",
      language: i % 2 ? "fr" : "nl",
      contacts: [{ email: `abuse@isp${i + 1}.example`, name: "Abuse desk", role: "abuse" }],
      cidrs: [`${ipv4(start)}/20`],
      asns: [64512 + i],
      domains: [`isp${i + 1}.example`],
    });
    ranges.set(i, [start, start + 4096]);
  }
  let cursor = BASE + ISP_COUNT * 4096;
  for (let i = organizations.length; i < count; i++) {
    const slug = `org${i}`;
    const o: BuiltOrganization = {
      name: `${rng.pick(WORDS)} ${rng.pick(KINDS)} ${i}`,
      sector: rng.pick(SECTORS),
      country: rng.next() < 0.7 ? "BE" : "NL",
      language: language(),
      contacts: [],
      cidrs: [],
      asns: [],
      domains: [`${slug}.example`],
    };
    const contacts = 1 + Math.floor(rng.next() * 3);
    for (let c = 0; c < contacts; c++) {
      const role = ROLES[c]!;
      o.contacts.push({
        email: `${role}@${slug}.example`,
        name: `${role} contact`,
        role,
        ...(rng.next() < 0.1 ? { language: "en" as const } : {}),
      });
    }
    if (rng.next() < 0.8) {
      const isp = ranges.get(Math.floor(rng.next() * isps))!;
      const block = isp[0] + 16 * Math.floor(rng.next() * 256);
      o.cidrs.push(`${ipv4(block)}/28`);
      ranges.set(i, [block, block + 16]);
    } else if (cursor + 64 <= END) {
      o.cidrs.push(`${ipv4(cursor)}/26`);
      ranges.set(i, [cursor, cursor + 64]);
      cursor += 64;
    }
    if (rng.next() < 0.15) o.cidrs.push(`2001:db8:${(i % 65536).toString(16)}::/48`);
    organizations.push(o);
  }
  const ownedBlocks = new Set<number>();
  for (let i = isps; i < count; i++) {
    const range = ranges.get(i);
    if (!range || range[1] - range[0] !== 16) continue;
    if (ownedBlocks.has(range[0])) {
      const o = organizations[i]!;
      o.cidrs = o.cidrs.filter((c) => !c.endsWith("/28"));
      ranges.delete(i);
    } else ownedBlocks.add(range[0]);
  }
  return { organizations, ispCount: isps, ranges, ownedBlocks, stateAfter: rng.state };
}

/** The registry as the import endpoint takes it: one JSON organization a line. */
export function registryNdjson(registry: BuiltRegistry): string {
  return registry.organizations.map((o) => JSON.stringify(o)).join("\n") + "\n";
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The registry in the import's CSV form: lists separated by `;`, a contact written `email|role|name|language`.
 */
export function registryCsv(registry: BuiltRegistry): string {
  const header = "name,sector,country,language,contacts,cidrs,asns,domains";
  const lines = registry.organizations.map((o) =>
    [
      o.name,
      o.sector,
      o.country,
      o.language,
      o.contacts.map((c) => [c.email, c.role, c.name, c.language ?? ""].join("|")).join(";"),
      o.cidrs.join(";"),
      o.asns.join(";"),
      o.domains.join(";"),
    ]
      .map(csvCell)
      .join(","),
  );
  return [header, ...lines].join("\n") + "\n";
}
