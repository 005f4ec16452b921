import { abuseContactOrganizationId, AppError, notFound, parseCidr, type Actor } from "@baken/core";
import {
  deleteContactOverride,
  ensureAbuseContactOrganizations,
  findContactOverrides,
  insertContactOverride,
  organizationExists,
  recordAudit,
  withTransaction,
  type ContactOverrideRow,
} from "@baken/db";
import type { Ctx } from "../context.ts";

export type ContactOverrideView = Omit<ContactOverrideRow, "createdAt"> & { createdAt: string };

const view = (r: ContactOverrideRow): ContactOverrideView => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function listContactOverrides(ctx: Pick<Ctx, "db">): Promise<ContactOverrideView[]> {
  return (await findContactOverrides(ctx.db)).map(view);
}

/**
 * Staff set a range's contact: its hosts that no registered organization matches reach this organization
 * (a registered one, or an abuse mailbox's, made for it as the fallback makes them) before any fallback,
 * from the next upload or re-match on. One override per range (409); audited.
 */
export async function createContactOverride(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { cidr: string; organizationId?: string; mailbox?: string; note?: string },
): Promise<ContactOverrideView> {
  const parsed = parseCidr(input.cidr);
  if (!parsed.ok) throw new AppError("validation", parsed.message, [{ field: "cidr", message: parsed.message }]);
  const cidr = parsed.cidr.text;
  if ((input.organizationId === undefined) === (input.mailbox === undefined)) {
    const message = "name either an organization (organizationId) or an abuse mailbox (mailbox)";
    throw new AppError("validation", message, [{ field: "organizationId", message }]);
  }
  return withTransaction(ctx.db, async (tx) => {
    let organizationId = input.organizationId;
    if (organizationId === undefined) {
      const mailbox = input.mailbox!.trim().toLowerCase();
      organizationId = abuseContactOrganizationId(mailbox);
      await ensureAbuseContactOrganizations(tx, [
        { organizationId, mailbox, source: "override", object: `override ${cidr}`, language: null },
      ]);
    } else if (!(await organizationExists(tx, organizationId))) {
      throw new AppError("validation", `No organization ${organizationId}`, [
        { field: "organizationId", message: "no such organization" },
      ]);
    }
    const made = await insertContactOverride(tx, {
      cidr,
      organizationId,
      note: input.note?.trim() ?? "",
      createdById: actor.id,
    });
    if (!made) {
      throw new AppError("conflict", `${cidr} has an override already: remove it first`, [
        { field: "cidr", message: "has an override already" },
      ]);
    }
    await recordAudit(tx, actor, {
      action: "contact_override.create",
      subjectType: "contact_override",
      subjectId: made.id,
      details: { cidr, organizationId, organization: made.organizationName, note: made.note },
    });
    return view(made);
  });
}

/** Removes an override: the range's hosts reach their RIPE abuse contact again from the next match. Audited. */
export async function removeContactOverride(ctx: Pick<Ctx, "db">, actor: Actor, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const gone = await deleteContactOverride(tx, id);
    if (!gone) throw notFound("Contact override");
    await recordAudit(tx, actor, {
      action: "contact_override.delete",
      subjectType: "contact_override",
      subjectId: id,
      details: { cidr: gone.cidr, organizationId: gone.organizationId, organization: gone.organizationName },
    });
  });
}
