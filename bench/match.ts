// npm run bench:match [-- --prefixes 100000 --lookups 1000000 --db-sample 20000]
// Longest-prefix lookups per second of the in-memory matcher against 100,000 prefixes, and, for the record,
// the same question asked of PostgreSQL (GiST index on cidr, one LATERAL probe per address).
import { buildMatcher, parseIp, PrefixTrie, parseCidr, type IpAddress } from "@baken/core";
import { createDb, ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { arg, Lcg } from "./support.ts";

const PREFIXES = arg("prefixes", 100_000);
const LOOKUPS = arg("lookups", 1_000_000);
const DB_SAMPLE = arg("db-sample", 20_000);
const rng = new Lcg(42);
const v4 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

// Prefixes /12../32 across IPv4, and a tenth IPv6 /32../64; organizations reuse ids as real registries do.
const orgs = Array.from({ length: 5000 }, () => randomUUID());
const networks: { organizationId: string; cidr: string }[] = [];
const distinct = new Set<string>();
for (let i = 0; distinct.size < PREFIXES; i++) {
  const organizationId = orgs[Math.floor(rng.next() * orgs.length)]!;
  if (i % 10 === 9) {
    const bits = 32 + 16 * Math.floor(rng.next() * 3);
    const words = [0x2001, 0xdb8, Math.floor(rng.next() * 65536), Math.floor(rng.next() * 65536)].map((w) =>
      w.toString(16),
    );
    const cidr = `${words.slice(0, bits / 16).join(":")}::/${bits}`;
    if (!distinct.has(cidr)) {
      distinct.add(cidr);
      networks.push({ organizationId, cidr });
    }
    continue;
  }
  const bits = 16 + Math.floor(rng.next() * 17);
  const n = Math.floor(rng.next() * 2 ** 32);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const cidr = `${v4((n & mask) >>> 0)}/${bits}`;
  if (!distinct.has(cidr)) {
    distinct.add(cidr);
    networks.push({ organizationId, cidr });
  }
}
const t = performance.now();
const matcher = buildMatcher({ networks, domains: [], asns: [], manual: [] });
const buildMs = performance.now() - t;
const trie = new PrefixTrie();
networks.forEach((n, i) => {
  const c = parseCidr(n.cidr);
  if (c.ok) trie.insert(c.cidr.bytes, c.cidr.bits, c.cidr.version, i);
});

const texts = Array.from({ length: LOOKUPS }, (_, i) =>
  i % 10 === 9
    ? `2001:db8:${Math.floor(rng.next() * 65536).toString(16)}::${(i & 0xffff).toString(16)}`
    : v4(Math.floor(rng.next() * 2 ** 32)),
);
const parsed = texts.map((s) => parseIp(s)!) as IpAddress[];

// Best of three passes after a warm-up: the first passes measure the JIT, not the structure.
function rate(label: string, fn: () => number) {
  fn();
  let s = Infinity;
  let hits = 0;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    hits = fn();
    s = Math.min(s, (performance.now() - start) / 1000);
  }
  console.log(`${label.padEnd(48)} ${(LOOKUPS / s / 1e6).toFixed(2)} M lookups/s  (${hits} with an owner)`);
  return LOOKUPS / s;
}
console.log(`matcher over ${matcher.size.networks} prefixes built in ${buildMs.toFixed(0)} ms`);
const trieRate = rate("trie, longest prefix (parsed address)", () => {
  let hits = 0;
  for (const ip of parsed) if (trie.lookupLongest(ip) >= 0) hits++;
  return hits;
});
rate("matcher.match, every candidate (parsed address)", () => {
  let hits = 0;
  for (const ip of parsed) if (matcher.match({ ip, hostname: null, asn: null }).organizationId) hits++;
  return hits;
});
rate("parse text + matcher.match", () => {
  let hits = 0;
  for (const s of texts) if (matcher.match({ ip: parseIp(s), hostname: null, asn: null }).organizationId) hits++;
  return hits;
});

if (DB_SAMPLE > 0) {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/baken_bench_match_${Date.now().toString(36)}`;
  await ensureDatabase(url.toString());
  await migrate(url.toString(), MIGRATIONS_DIR);
  const db = createDb(url.toString());
  try {
    await db.pool.query(
      `INSERT INTO "organization" ("id", "name", "updated_at") SELECT id, id::text, now() FROM unnest($1::uuid[]) AS id`,
      [orgs],
    );
    await db.pool.query(
      `INSERT INTO "network" ("organization_id", "cidr") SELECT o, c FROM unnest($1::uuid[], $2::cidr[]) AS t(o, c) ON CONFLICT DO NOTHING`,
      [networks.map((n) => n.organizationId), networks.map((n) => n.cidr)],
    );
    await db.pool.query(`ANALYZE "network"`);
    const sample = texts.slice(0, DB_SAMPLE);
    const start = performance.now();
    const r = await db.pool.query(
      `SELECT count(m.organization_id)::int AS hits FROM unnest($1::inet[]) AS a(ip)
       LEFT JOIN LATERAL (SELECT n.organization_id FROM network n WHERE n.cidr >>= a.ip ORDER BY masklen(n.cidr) DESC LIMIT 1) m ON true`,
      [sample],
    );
    const s = (performance.now() - start) / 1000;
    const dbRate = DB_SAMPLE / s;
    console.log(
      `${"PostgreSQL LATERAL >>= on GiST (sample)".padEnd(48)} ${(dbRate / 1e6).toFixed(3)} M lookups/s  (${r.rows[0].hits} of ${DB_SAMPLE})`,
    );
    console.log(`in-memory trie is ${(trieRate / dbRate).toFixed(0)}x PostgreSQL`);
  } finally {
    await db.close();
    const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}
