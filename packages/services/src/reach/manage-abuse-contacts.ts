import { AppError, notFound, type Actor } from "@baken/core";
import {
  findAbuseContactForUpdate,
  organizationNamed,
  promoteAbuseContactRow,
  recordAudit,
  setAbuseContactBlocked,
  withTransaction,
  type AbuseContactState,
  type Tx,
} from "@baken/db";
import type { Ctx } from "../context.ts";

export type AbuseContactView = Omit<AbuseContactState, "blockedAt"> & { blockedAt: string | null };

const view = (r: AbuseContactState): AbuseContactView => ({ ...r, blockedAt: r.blockedAt?.toISOString() ?? null });

/** The automatic organization of an abuse mailbox, locked; a registered one is not the fallback's to change. */
async function automatic(tx: Tx, id: string): Promise<AbuseContactState> {
  const row = await findAbuseContactForUpdate(tx, id);
  if (!row) throw notFound("Organization");
  if (row.kind !== "abuse_contact") {
    throw new AppError("conflict", `Organization ${id} is registered, not an automatic abuse contact`, [
      { field: "id", message: "not an abuse contact" },
    ]);
  }
  return row;
}

/**
 * Blocks an abuse mailbox with a reason (null unblocks it): it is never a candidate again, so no new
 * match and no notice goes to it; hosts already matched to it keep their match until the list is matched again.
 */
export async function blockAbuseContact(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  id: string,
  reason: string | null,
): Promise<AbuseContactView> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await automatic(tx, id);
    const after = await setAbuseContactBlocked(tx, id, reason);
    await recordAudit(tx, actor, {
      action: reason === null ? "abuse_contact.unblock" : "abuse_contact.block",
      subjectType: "organization",
      subjectId: id,
      details: { mailbox: before.abuseMailbox, reason, previousReason: before.blockedReason },
    });
    return view(after);
  });
}

/** Makes an abuse mailbox's organization a registered one (its name, or a new one), in one step. */
export async function promoteAbuseContact(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  id: string,
  input: { name?: string },
): Promise<AbuseContactView> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await automatic(tx, id);
    const name = input.name?.trim() || before.name;
    if (name !== before.name && (await organizationNamed(tx, name))) {
      throw new AppError("conflict", `An organization named '${name}' already exists`, [
        { field: "name", message: "already exists" },
      ]);
    }
    const after = await promoteAbuseContactRow(tx, id, name);
    await recordAudit(tx, actor, {
      action: "abuse_contact.promote",
      subjectType: "organization",
      subjectId: id,
      details: { mailbox: before.abuseMailbox, source: before.contactSource, from: before.name, name },
    });
    return view(after);
  });
}
