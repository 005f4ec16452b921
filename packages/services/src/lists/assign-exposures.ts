import {
  AppError,
  normaliseCidr,
  normaliseDomain,
  normaliseHostname,
  notFound,
  parseIp,
  type ErrorDetail,
} from "@baken/core";
import {
  findListExposures,
  insertIdentifier,
  lockList,
  organizationExists,
  recordAudit,
  rematchRows,
  syncCampaignHosts,
  upsertManualAssignments,
  withTransaction,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { loadMatcher } from "../registry/load-matcher.ts";

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

  return withTransaction(ctx.db, async (tx) => {
    const list = await lockList(tx, listId);
    if (!list) throw notFound("List");
    if (!(await organizationExists(tx, input.organizationId)))
      invalid([{ field: "organizationId", message: "no such organization" }]);

    if (input.exposureIds?.length) {
      const found = await findListExposures(tx, listId, input.exposureIds);
      const missing = input.exposureIds.filter((id) => !found.some((r) => r.id === id));
      if (missing.length > 0)
        invalid([{ field: "exposureIds", message: `not exposures of this list: ${missing.slice(0, 20).join(", ")}` }]);
      for (const r of found) {
        if ((input.by === "hostname" && r.hostname) || !r.ip) hostnames.add(r.hostname!);
        else ips.add(r.ip);
      }
    }
    await upsertManualAssignments(tx, {
      organizationId: input.organizationId,
      ips: [...ips],
      hostnames: [...hostnames],
      createdById: actor.id,
    });
    const registered = { network: network?.ok ? network.value : null, domain: domain?.ok ? domain.value : null };
    if (registered.network) await insertIdentifier(tx, input.organizationId, "network", registered.network);
    if (registered.domain) await insertIdentifier(tx, input.organizationId, "domain", registered.domain);

    // Only the rows the change can affect, with a matcher that sees the change (this transaction's registry).
    const matcher = await loadMatcher(tx, ctx);
    const { exposures, changed } = await rematchRows(tx, listId, matcher, {
      ips: [...ips],
      hostnames: [...hostnames],
      ...registered,
    });
    if (list.campaignId) await syncCampaignHosts(tx, { campaignId: list.campaignId, listId });
    const result: AssignResult = {
      assignments: { ips: [...ips], hostnames: [...hostnames] },
      registered,
      exposures,
      changed,
    };
    await recordAudit(tx, actor, {
      action: "list.assign",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { organizationId: input.organizationId, ...result },
    });
    return result;
  });
}
