import { AppError, contactSchema, notFound } from "@baken/core";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";

export type ContactInput = {
  email: string;
  name?: string;
  role?: "abuse" | "security" | "technical";
  language?: "nl" | "fr" | "de" | "en" | null;
  pgpPublicKey?: string | null;
  active?: boolean;
};

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
  return ctx.db.prisma.$transaction(async (tx) => {
    if (!(await tx.organization.findUnique({ where: { id: organizationId } }))) throw notFound("Organization");
    if (await tx.contact.findUnique({ where: { organizationId_email: { organizationId, email: c.email! } } })) {
      throw new AppError("conflict", `${c.email} is already a contact of this organization`, [
        { field: "email", message: "already a contact" },
      ]);
    }
    const contact = await tx.contact.create({
      data: {
        organizationId,
        email: c.email!,
        name: c.name ?? "",
        role: c.role ?? "abuse",
        language: c.language ?? null,
        pgpPublicKey: input.pgpPublicKey?.trim() || null,
        active: input.active ?? true,
      },
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
  return ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.contact.findFirst({ where: { id: contactId, organizationId } });
    if (!existing) throw notFound("Contact");
    const contact = await tx.contact.update({
      where: { id: contactId },
      data: {
        email: c.email,
        name: c.name,
        role: c.role,
        language: input.language === undefined ? undefined : (c.language ?? null),
        pgpPublicKey: input.pgpPublicKey === undefined ? undefined : input.pgpPublicKey?.trim() || null,
        active: input.active,
      },
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
  await ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.contact.findFirst({ where: { id: contactId, organizationId } });
    if (!existing) throw notFound("Contact");
    await tx.contact.delete({ where: { id: contactId } });
    await recordAudit(tx, actor, {
      action: "contact.delete",
      subjectType: "organization",
      subjectId: organizationId,
      details: { email: existing.email },
    });
  });
}
