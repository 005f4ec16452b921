import { AppError, contactSchema, notFound } from "@baken/core";
import {
  contactExists,
  deleteContact,
  findContact,
  insertContact,
  organizationExists,
  recordAudit,
  updateContact as updateContactRow,
  withTransaction,
  type ContactView,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/** What staff send for a contact: an e-mail address, and what defaults otherwise. */
export type ContactInput = Pick<ContactView, "email"> & Partial<Omit<ContactView, "id" | "email" | "health">>;

const PGP_BLOCK = /^-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]+-----END PGP PUBLIC KEY BLOCK-----\s*$/;

function checkPgp(key: string | null | undefined) {
  if (key && !PGP_BLOCK.test(key.trim())) {
    throw new AppError("validation", "pgpPublicKey: not an ASCII-armoured OpenPGP public key", [
      { field: "pgpPublicKey", message: "expected -----BEGIN PGP PUBLIC KEY BLOCK-----" },
    ]);
  }
}

function checkContact(input: Partial<ContactInput>, partial: boolean) {
  const parsed = (partial ? contactSchema.partial() : contactSchema).safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "contact", message: i.message }));
    throw new AppError(
      "validation",
      `Invalid contact: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`,
      details,
    );
  }
  checkPgp(input.pgpPublicKey);
  return parsed.data;
}

export async function addContact(ctx: Pick<Ctx, "db">, actor: Actor, organizationId: string, input: ContactInput) {
  const c = checkContact(input, false);
  return withTransaction(ctx.db, async (tx) => {
    if (!(await organizationExists(tx, organizationId))) throw notFound("Organization");
    if (await contactExists(tx, organizationId, c.email!)) {
      throw new AppError("conflict", `${c.email} is already a contact of this organization`, [
        { field: "email", message: "already a contact" },
      ]);
    }
    const contact = await insertContact(tx, organizationId, {
      email: c.email!,
      name: c.name ?? "",
      role: c.role ?? "abuse",
      language: c.language ?? null,
      pgpPublicKey: input.pgpPublicKey?.trim() || null,
      active: input.active ?? true,
    });
    await recordAudit(tx, actor, {
      action: "contact.create",
      subjectType: "organization",
      subjectId: organizationId,
      details: { email: contact.email },
    });
    return contact;
  });
}

export async function updateContact(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  organizationId: string,
  contactId: string,
  input: Partial<ContactInput>,
) {
  const c = checkContact(input, true);
  return withTransaction(ctx.db, async (tx) => {
    if (!(await findContact(tx, organizationId, contactId))) throw notFound("Contact");
    const contact = await updateContactRow(tx, contactId, {
      email: c.email,
      name: c.name,
      role: c.role,
      language: input.language === undefined ? undefined : (c.language ?? null),
      pgpPublicKey: input.pgpPublicKey === undefined ? undefined : input.pgpPublicKey?.trim() || null,
      active: input.active,
    });
    await recordAudit(tx, actor, {
      action: "contact.update",
      subjectType: "organization",
      subjectId: organizationId,
      details: { contactId, fields: Object.keys(input) },
    });
    return contact;
  });
}

export async function removeContact(ctx: Pick<Ctx, "db">, actor: Actor, organizationId: string, contactId: string) {
  await withTransaction(ctx.db, async (tx) => {
    const email = await deleteContact(tx, organizationId, contactId);
    if (email === null) throw notFound("Contact");
    await recordAudit(tx, actor, {
      action: "contact.delete",
      subjectType: "organization",
      subjectId: organizationId,
      details: { email },
    });
  });
}
