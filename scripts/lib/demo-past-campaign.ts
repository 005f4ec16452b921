// The demo's finished past campaign: three weeks of follow-up scans and owners' answers, all dated in the
// past, over organizations of the demo registry, so the remediation curve, reminders and flagged answers show
// something real on first start. Written straight to the database by the test-data generator the tests use.
import type { Db } from "@baken/db";
import { planPastCampaign, seedPastCampaign, type BuiltRegistry, type PastOrganization } from "@baken/testing";

export const PAST_CAMPAIGN_NAME = "Exchange ProxyShell, August 2021 (finished)";

// Customers, not the ISPs at the head of the registry: every 7th, so every sector and language appears.
const pastCustomers = (registry: BuiltRegistry) =>
  registry.organizations.map((o, i) => ({ o, i })).filter(({ i }) => i >= 24 && i % 7 === 0);

/**
 * The past campaign's organization whose notice bounces (its only mailbox is gone), and its fallback: the
 * abuse desk of the ISP whose network holds its /28, as staff would set it. Null for a registry without one.
 */
export function demoBounceOrganization(registry: BuiltRegistry): { name: string; fallback: string } | null {
  for (const { o, i } of pastCustomers(registry)) {
    const block = registry.ranges.get(i);
    if (o.contacts.length !== 1 || !block || block[1] - block[0] !== 16) continue;
    for (let isp = 0; isp < registry.ispCount; isp++) {
      const range = registry.ranges.get(isp)!;
      const desk = registry.organizations[isp]!.contacts[0]?.email;
      if (desk && range[0] <= block[0] && block[1] <= range[1]) return { name: o.name, fallback: desk };
    }
  }
  return null;
}

/** Adds the past campaign unless a campaign of that name exists; its hosts' organizations must be imported. */
export async function ensurePastCampaign(
  db: Db,
  registry: BuiltRegistry,
  count = 400,
): Promise<{ created: boolean; hosts: number }> {
  if (await db.prisma.campaign.findFirst({ where: { name: PAST_CAMPAIGN_NAME }, select: { id: true } })) {
    return { created: false, hosts: 0 };
  }
  const names = pastCustomers(registry)
    .slice(0, count)
    .map(({ o }) => o.name);
  const found = await db.prisma.organization.findMany({
    where: { name: { in: names } },
    select: {
      id: true,
      name: true,
      language: true,
      contacts: { where: { active: true }, select: { email: true }, orderBy: { email: "asc" }, take: 1 },
    },
  });
  const orgs: PastOrganization[] = found.map((o) => ({ id: o.id, language: o.language, email: o.contacts[0]?.email }));
  if (orgs.length === 0) return { created: false, hosts: 0 };
  const bouncing = demoBounceOrganization(registry);
  const plan = planPastCampaign({
    name: PAST_CAMPAIGN_NAME,
    organizations: orgs,
    seed: 2021,
    // Its notice went, and the report that it never arrived comes back when the demo starts (demo-bounce.ts).
    unreachable: found.find((o) => o.name === bouncing?.name && o.contacts.length > 0)?.id,
  });
  await seedPastCampaign(db, plan, orgs);
  return { created: true, hosts: plan.hosts.length };
}

/**
 * The demo registry's organizations not in the database yet, as import NDJSON lines: a second run adds what
 * is missing and never imports over what staff changed since. An organization is there when its name is, or
 * one of its domains (staff may have renamed it).
 */
export async function missingRegistryNdjson(
  db: Db,
  registryNdjson: string,
): Promise<{ ndjson: string; count: number }> {
  const names = new Set((await db.prisma.organization.findMany({ select: { name: true } })).map((o) => o.name));
  const domains = new Set((await db.prisma.domain.findMany({ select: { name: true } })).map((d) => d.name));
  const lines = registryNdjson.split("\n").filter((line) => {
    if (!line.trim()) return false;
    const org = JSON.parse(line) as { name: string; domains?: string[] };
    return !names.has(org.name) && !(org.domains ?? []).some((d) => domains.has(d));
  });
  return { ndjson: lines.length ? `${lines.join("\n")}\n` : "", count: lines.length };
}
