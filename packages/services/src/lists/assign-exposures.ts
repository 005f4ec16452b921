import {
  AppError,
  normaliseCidr,
  normaliseDomain,
  normaliseHostname,
  notFound,
  parseIp,
  type ErrorDetail,
} from "@baken/core";
import { withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { loadMatcher } from "../registry/load-matcher.ts";
import { recordAuditSql } from "./record-audit-sql.ts";
import { rematchRows } from "./rematch-rows.ts";
import { syncCampaignHosts } from "./sync-campaign-hosts.ts";

export type AssignInput = {
  organizationId: string;
  /** Exposures of this list; each is assigned by its ip (or its hostname when it has no ip, or `by` says so). */
  exposureIds?: number[];
  ips?: string[];
  hostnames?: string[];
  by?: "ip" | "hostname";
  /** Also register this network / domain to the organization, so later lists match by themselves. */
  registerNetwork?: string;
  registerDomain?: string;
};

export type AssignResult = {
  assignments: { ips: string[]; hostnames: string[] };
  registered: { network: string | null; domain: string | null };
  exposures: number;
  changed: number;
};

function invalid(details: ErrorDetail[]): never {
  throw new AppError(
    "validation",
    `Invalid assignment: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`,
    details,
  );
}

/**
 * Assigns exposures to an organization by manual assignment (which beats every other match, for this and
 * every later list), optionally registering a network or domain to it, then re-matches the list's
 * affected exposures, all in one transaction with a matcher built inside it.
 */
export async function assignExposures(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  listId: string,
  input: AssignInput,
): Promise<AssignResult> {
  const errors: ErrorDetail[] = [];
  const ips = new Set<string>();
  const hostnames = new Set<string>();
  (input.ips ?? []).forEach((s, i) => {
    const ip = parseIp(s);
    if (ip) ips.add(ip.text);
    else errors.push({ field: `ips[${i}]`, message: `not an IP address: '${s}'` });
  });
  (input.hostnames ?? []).forEach((s, i) => {
    const h = normaliseHostname(s);
    if (h.ok) hostnames.add(h.value);
    else errors.push({ field: `hostnames[${i}]`, message: h.message });
  });
  const network = input.registerNetwork ? normaliseCidr(input.registerNetwork) : null;
  if (network && !network.ok) errors.push({ field: "registerNetwork", message: network.message });
  const domain = input.registerDomain ? normaliseDomain(input.registerDomain) : null;
  if (domain && !domain.ok) errors.push({ field: "registerDomain", message: domain.message });
  if (errors.length > 0) invalid(errors);
  if (!input.exposureIds?.length && ips.size === 0 && hostnames.size === 0 && !network && !domain) {
    invalid([
      {
        field: "exposureIds",
        message: "name exposures, ips or hostnames to assign (or a network or domain to register)",
      },
    ]);
  }

  return withTransaction(ctx.db.pool, async (client) => {
    const list = await client.query<{ campaignId: string | null }>(
      `SELECT "campaign_id" AS "campaignId" FROM "exposure_list" WHERE "id" = $1::uuid FOR UPDATE`,
      [listId],
    );
    if (!list.rows[0]) throw notFound("List");
    const org = await client.query(`SELECT 1 FROM "organization" WHERE "id" = $1::uuid`, [input.organizationId]);
    if (org.rowCount === 0) invalid([{ field: "organizationId", message: "no such organization" }]);

    if (input.exposureIds?.length) {
      const found = await client.query<{ id: number; ip: string | null; hostname: string | null }>(
        `SELECT "id", abbrev("ip") AS "ip", "hostname" FROM "exposure" WHERE "list_id" = $1::uuid AND "id" = ANY($2::int[])`,
        [listId, input.exposureIds],
      );
      const missing = input.exposureIds.filter((id) => !found.rows.some((r) => r.id === id));
      if (missing.length > 0)
        invalid([{ field: "exposureIds", message: `not exposures of this list: ${missing.slice(0, 20).join(", ")}` }]);
      for (const r of found.rows) {
        if ((input.by === "hostname" && r.hostname) || !r.ip) hostnames.add(r.hostname!);
        else ips.add(r.ip);
      }
    }
    if (ips.size > 0) {
      await client.query(
        `INSERT INTO "manual_assignment" ("organization_id", "ip", "created_by_id") SELECT $1::uuid, unnest($2::inet[]), $3::uuid
         ON CONFLICT ("ip") DO UPDATE SET "organization_id" = EXCLUDED."organization_id", "created_by_id" = EXCLUDED."created_by_id", "created_at" = now()`,
        [input.organizationId, [...ips], actor.id],
      );
    }
    if (hostnames.size > 0) {
      await client.query(
        `INSERT INTO "manual_assignment" ("organization_id", "hostname", "created_by_id") SELECT $1::uuid, unnest($2::text[]), $3::uuid
         ON CONFLICT ("hostname") DO UPDATE SET "organization_id" = EXCLUDED."organization_id", "created_by_id" = EXCLUDED."created_by_id", "created_at" = now()`,
        [input.organizationId, [...hostnames], actor.id],
      );
    }
    const registered = { network: network?.ok ? network.value : null, domain: domain?.ok ? domain.value : null };
    if (registered.network) {
      await client.query(
        `INSERT INTO "network" ("organization_id", "cidr") VALUES ($1::uuid, $2::cidr) ON CONFLICT DO NOTHING`,
        [input.organizationId, registered.network],
      );
    }
    if (registered.domain) {
      await client.query(
        `INSERT INTO "domain" ("organization_id", "name") VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING`,
        [input.organizationId, registered.domain],
      );
    }

    // Only the rows the change can affect: those with an assigned ip or hostname, in the registered
    // network, or under the registered domain.
    const matcher = await loadMatcher(client);
    const where = [`abbrev(e."ip") = ANY($2::text[])`, `e."hostname" = ANY($3::text[])`];
    const params: unknown[] = [[...ips], [...hostnames]];
    if (registered.network) where.push(`e."ip" <<= $${params.push(registered.network) + 1}::cidr`);
    if (registered.domain) {
      const n = params.push(registered.domain) + 1;
      where.push(`e."hostname" = $${n} OR e."hostname" LIKE '%.' || $${n}`);
    }
    const { exposures, changed } = await rematchRows(client, listId, matcher, { sql: where.join(" OR "), params });
    if (list.rows[0].campaignId) await syncCampaignHosts(client, { campaignId: list.rows[0].campaignId, listId });
    const result: AssignResult = {
      assignments: { ips: [...ips], hostnames: [...hostnames] },
      registered,
      exposures,
      changed,
    };
    await recordAuditSql(client, actor, {
      action: "list.assign",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { organizationId: input.organizationId, ...result },
    });
    return result;
  });
}
