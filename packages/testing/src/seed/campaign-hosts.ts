import type { ContactRole, Language, ListedHost } from "@baken/core";
import { withClientTransaction, type Db } from "@baken/db";
import { randomUUID } from "node:crypto";
import type pg from "pg";

// Seeds what matching leaves behind (organizations with contacts, a campaign, a list, campaign_host rows)
// straight into the database, in bulk, for the notice tests and the notify benchmark. Once list upload and
// syncCampaignHosts exist, tests can go through them instead; the shapes here follow theirs.

export type SeedContact = {
  email: string;
  role: ContactRole;
  language: Language | null;
  active: boolean;
  pgpPublicKey?: string;
};
/** A host as a list saw it (and its notice will list it), without a severity of its own. */
export type SeedHost = Omit<ListedHost, "severity">;
export type SeedOrg = {
  id: string;
  name: string;
  language: Language;
  active: boolean;
  contacts: SeedContact[];
  hosts: SeedHost[];
  /** What its notice must look like; null: no active contact, so no notice. */
  expected: { recipients: string[]; language: Language } | null;
};
export type Scenario = { orgs: SeedOrg[]; unmatched: SeedHost[] };

const LANGS: Language[] = ["nl", "fr", "de", "en"];

/**
 * A registry and a list shaped like the demo's leaked list of unpatched mail servers: `rows` hosts spread
 * over organizations of every language, most with one host, some with several; every 25th organization
 * without an active contact; every 40th row unmatched; some contacts with their own language.
 */
export function demoScenario(prefix: string, rows = 1170): Scenario {
  const orgs: SeedOrg[] = [];
  const unmatched: SeedHost[] = [];
  let row = 0;
  const base = Date.UTC(2026, 10, 20, 6, 0, 0);
  const host = (n: number, domain: string): SeedHost => ({
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    port: n % 3 === 0 ? 25 : 443,
    protocol: n % 3 === 0 ? "smtp" : "https",
    // A hostile value now and then: the attachment must neutralise it.
    hostname: n % 97 === 0 ? `=HYPERLINK("http://x.example/${n}")` : `mail${n}.${domain}`,
    tag: "exchange",
    version: `15.1.${2000 + (n % 300)}`,
    seenAt: new Date(base + n * 60_000),
  });
  for (let i = 0; row < rows; i++) {
    const language = LANGS[i % 4]!;
    const domain = `org${i}.${prefix}.example`;
    // Language overrides: every 10th+3 organization's abuse contact reads English (contacts disagree, so the
    // organization's language is used); every 10th+7 has both contacts reading French (French is used).
    const noContact = i % 25 === 24;
    const contacts: SeedContact[] = noContact
      ? [{ email: `gone@${domain}`, role: "abuse", language: null, active: false }]
      : [
          { email: `tech@${domain}`, role: "technical", language: i % 10 === 7 ? "fr" : null, active: true },
          {
            email: `abuse@${domain}`,
            role: "abuse",
            language: i % 10 === 3 ? "en" : i % 10 === 7 ? "fr" : null,
            active: true,
          },
        ];
    const expected = noContact
      ? null
      : { recipients: [`abuse@${domain}`, `tech@${domain}`], language: i % 10 === 7 ? ("fr" as const) : language };
    // One host for most, up to 4 for every 7th organization.
    const count = Math.min(i % 7 === 0 ? 1 + (i % 4) : 1, rows - row);
    const hosts: SeedHost[] = [];
    for (let k = 0; k < count; k++) {
      row++;
      if (row % 40 === 0) unmatched.push(host(row, `unknown.${prefix}.example`));
      else hosts.push(host(row, domain));
    }
    if (hosts.length > 0)
      orgs.push({
        id: randomUUID(),
        name: `${prefix} Organisation ${i}`,
        language,
        active: true,
        contacts,
        hosts,
        expected,
      });
  }
  return { orgs, unmatched };
}

/**
 * Creates a campaign (defaults: AMBER, advice in en and nl, classified RSIT vulnerable/vulnerable-system, so
 * its notices carry X-ARF) and returns its id.
 */
export async function seedCampaign(
  db: Db,
  data: {
    name: string;
    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER_STRICT" | "RED";
    rsit?: { rsitClass: string; rsitType: string } | null;
  },
) {
  const rsit = data.rsit === undefined ? { rsitClass: "vulnerable", rsitType: "vulnerable-system" } : data.rsit;
  const campaign = await db.prisma.campaign.create({
    data: {
      name: data.name,
      rsitClass: rsit?.rsitClass ?? null,
      rsitType: rsit?.rsitType ?? null,
      cves: ["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065"],
      severity: "critical",
      tlp: data.tlp ?? "AMBER",
      compromiseSince: new Date("2021-01-01T00:00:00Z"),
      advice: {
        en: {
          summary: "Microsoft Exchange servers without the March 2021 security updates can be taken over remotely.",
          actions: [
            "Install the latest cumulative update and security update.",
            "Reset the passwords of accounts used on the server.",
          ],
          compromiseCheck:
            "look for web shells, unknown foreign IP addresses and activity outside office hours since {since}.",
          links: [{ label: "Microsoft", url: "https://msrc.microsoft.com/blog/2021/03/" }],
        },
        nl: {
          summary:
            "Microsoft Exchange-servers zonder de beveiligingsupdates van maart 2021 kunnen op afstand worden overgenomen.",
          actions: [
            "Installeer de nieuwste cumulatieve update en beveiligingsupdate.",
            "Wijzig de wachtwoorden van de accounts die op de server gebruikt worden.",
          ],
          compromiseCheck:
            "zoek sinds {since} naar webshells, onbekende buitenlandse IP-adressen en activiteit buiten de kantooruren.",
          links: [],
        },
      },
    },
  });
  return campaign.id;
}

/**
 * Writes a scenario for a campaign: organizations, contacts, one exposure list, and one campaign_host per
 * host (state open, as matching leaves them). Bulk SQL: thousands of organizations in a second or two.
 * `registry: false`: the organizations and contacts exist already (a later campaign to the same ones).
 */
export async function seedScenario(
  db: Db,
  campaignId: string,
  scenario: Scenario,
  { registry = true } = {},
): Promise<{ listId: string }> {
  return withClientTransaction(db.pool, async (client) => {
    const listId = randomUUID();
    const total = scenario.orgs.reduce((n, o) => n + o.hosts.length, 0) + scenario.unmatched.length;
    await client.query(
      `INSERT INTO exposure_list (id, file_name, sha256, format, size_bytes, row_count, accepted_count, rejected_count, duplicate_count, campaign_id, matched_at)
       VALUES ($1, 'seeded.csv', $2, 'csv', 0, $3, $3, 0, 0, $4, now())`,
      [listId, randomUUID().replace(/-/g, "").padEnd(64, "0"), total, campaignId],
    );
    const orgs = scenario.orgs.map((o) => ({ id: o.id, name: o.name, language: o.language, active: o.active }));
    const contacts = scenario.orgs.flatMap((o) =>
      o.contacts.map((c) => ({ organization_id: o.id, ...c, pgp: c.pgpPublicKey ?? null })),
    );
    if (registry) await insertRegistry(client, orgs, contacts);
    const hosts = [
      ...scenario.orgs.flatMap((o) => o.hosts.map((h) => ({ ...h, organization_id: o.id }))),
      ...scenario.unmatched.map((h) => ({ ...h, organization_id: null })),
    ].map((h) => ({
      ...h,
      host_key: `${h.ip ?? ""}|${h.port ?? ""}|${h.hostname ?? ""}`,
      seen_at: h.seenAt.toISOString(),
    }));
    await client.query(
      `INSERT INTO campaign_host (campaign_id, host_key, ip, port, protocol, hostname, tag, version, organization_id, state, first_seen_at, last_seen_at, last_list_id)
       SELECT $2, host_key, ip::inet, port, protocol, hostname, tag, version, organization_id, 'open', seen_at, seen_at, $3
         FROM jsonb_to_recordset($1::jsonb)
           AS x(host_key text, ip text, port int, protocol text, hostname text, tag text, version text, organization_id uuid, seen_at timestamptz)`,
      [JSON.stringify(hosts), campaignId, listId],
    );
    return { listId };
  });
}

async function insertRegistry(
  client: pg.PoolClient,
  orgs: { id: string; name: string; language: string; active: boolean }[],
  contacts: object[],
) {
  await client.query(
    `INSERT INTO organization (id, name, language, active, updated_at)
     SELECT id, name, language::"Language", active, now() FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, language text, active boolean)`,
    [JSON.stringify(orgs)],
  );
  await client.query(
    `INSERT INTO contact (organization_id, email, role, language, active, pgp_public_key)
     SELECT organization_id, email, role::"ContactRole", language::"Language", active, pgp
       FROM jsonb_to_recordset($1::jsonb) AS x(organization_id uuid, email text, role text, language text, active boolean, pgp text)`,
    [JSON.stringify(contacts)],
  );
}
