import type { ContactRole, Language, OrganizationRecord } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";
import { contactHealthJson, type ContactHealth } from "./contact-health.ts";

/** A contact as staff read and change it. */
export type ContactView = {
  id: string;
  email: string;
  name: string;
  role: ContactRole;
  language: Language | null;
  pgpPublicKey: string | null;
  active: boolean;
  health: ContactHealth;
};

/** An organization with everything registered to it, as staff read it. */
export type OrganizationView = {
  id: string;
  name: string;
  sector: string | null;
  country: string | null;
  language: Language;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  contacts: ContactView[];
  /** Where a bounced notice goes next, and whether one found no one (issue 15). */
  delivery: {
    fallbackEmail: string | null;
    noDeliverableContactSince: string | null;
    noDeliverableContactNoticeId: string | null;
  };
  /** Registered, or an abuse mailbox's organization made by the fallback (issue 14), and whether it is blocked. */
  reach: {
    kind: "registered" | "abuse_contact";
    abuseMailbox: string | null;
    contactSource: string | null;
    provenance: string | null;
    blockedAt: string | null;
    blockedReason: string | null;
  };
  networks: { id: number; cidr: string }[];
  asns: { id: number; asn: number }[];
  domains: { id: number; name: string }[];
};

/** The fields of an organization itself (its contacts and identifiers are changed one by one). */
export type OrganizationFields = {
  name: string;
  sector: string | null;
  country: string | null;
  language: Language;
  active: boolean;
  /** Where a notice that reached none of the contacts is re-sent once (issue 15). */
  fallbackEmail: string | null;
};

const CONTACT_JSON = `json_build_object('id', c."id", 'email', c."email", 'name', c."name", 'role', c."role",
  'language', c."language", 'pgpPublicKey', c."pgp_public_key", 'active', c."active", 'health', ${contactHealthJson("c")})`;

/** One organization with its contacts (by e-mail) and identifiers (each in value order); null if none. */
export async function findOrganizationView(conn: Conn, id: string): Promise<OrganizationView | null> {
  const [org] = await rows<Omit<OrganizationView, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date }>(
    conn,
    `SELECT o."id", o."name", o."sector", o."country", o."language"::text AS "language", o."active",
            o."created_at" AS "createdAt", o."updated_at" AS "updatedAt",
            json_build_object('fallbackEmail', o."fallback_email", 'noDeliverableContactSince', o."no_deliverable_contact_since",
                              'noDeliverableContactNoticeId', o."no_deliverable_contact_notice_id") AS "delivery",
            json_build_object('kind', o."kind", 'abuseMailbox', o."abuse_mailbox", 'contactSource', o."contact_source",
                              'provenance', o."provenance", 'blockedAt', o."blocked_at", 'blockedReason', o."blocked_reason") AS "reach",
            coalesce((SELECT json_agg(${CONTACT_JSON} ORDER BY c."email") FROM "contact" c WHERE c."organization_id" = o."id"), '[]') AS "contacts",
            coalesce((SELECT json_agg(json_build_object('id', n."id", 'cidr', n."cidr"::text) ORDER BY n."cidr")
                        FROM "network" n WHERE n."organization_id" = o."id"), '[]') AS "networks",
            coalesce((SELECT json_agg(json_build_object('id', a."id", 'asn', a."asn") ORDER BY a."asn")
                        FROM "autonomous_system" a WHERE a."organization_id" = o."id"), '[]') AS "asns",
            coalesce((SELECT json_agg(json_build_object('id', d."id", 'name', d."name") ORDER BY d."name")
                        FROM "domain" d WHERE d."organization_id" = o."id"), '[]') AS "domains"
       FROM "organization" o WHERE o."id" = $1::uuid`,
    [id],
  );
  if (!org) return null;
  return { ...org, createdAt: org.createdAt.toISOString(), updatedAt: org.updatedAt.toISOString() };
}

export async function organizationExists(conn: Conn, id: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "organization" WHERE "id" = $1::uuid`, [id])).length > 0;
}

/** An organization's own fields; null when there is none with this id. */
export async function findOrganization(conn: Conn, id: string): Promise<(OrganizationFields & { id: string }) | null> {
  const [org] = await rows<OrganizationFields & { id: string }>(
    conn,
    `SELECT "id", "name", "sector", "country", "language"::text AS "language", "active", "fallback_email" AS "fallbackEmail"
       FROM "organization" WHERE "id" = $1::uuid`,
    [id],
  );
  return org ?? null;
}

export async function organizationNamed(conn: Conn, name: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "organization" WHERE "name" = $1`, [name])).length > 0;
}

/** Registers an organization with its contacts, networks, ASNs and domains; returns its id. */
export async function insertOrganization(tx: Tx, r: OrganizationRecord): Promise<string> {
  const [org] = await rows<{ id: string }>(
    tx,
    `INSERT INTO "organization" ("name", "sector", "country", "language", "updated_at")
     VALUES ($1, $2, $3, $4::"Language", now()) RETURNING "id"`,
    [r.name, r.sector, r.country, r.language],
  );
  const id = org!.id;
  if (r.contacts.length > 0) {
    await rows(
      tx,
      `INSERT INTO "contact" ("organization_id", "email", "name", "role", "language")
       SELECT $1::uuid, t."e", t."n", t."r"::"ContactRole", t."l"::"Language"
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t("e", "n", "r", "l", "i") ORDER BY t."i"`,
      [
        id,
        r.contacts.map((c) => c.email),
        r.contacts.map((c) => c.name),
        r.contacts.map((c) => c.role),
        r.contacts.map((c) => c.language ?? null),
      ],
    );
  }
  for (const [table, column, type, values] of [
    ["autonomous_system", "asn", "bigint", r.asns],
    ["domain", "name", "text", r.domains],
    ["network", "cidr", "cidr", r.cidrs],
  ] as const) {
    if (values.length === 0) continue;
    await rows(
      tx,
      `INSERT INTO "${table}" ("organization_id", "${column}")
       SELECT $1::uuid, t."v" FROM unnest($2::${type}[]) WITH ORDINALITY AS t("v", "i") ORDER BY t."i"`,
      [id, values],
    );
  }
  return id;
}

/** Changes the fields given (undefined: unchanged). */
export async function updateOrganization(tx: Tx, id: string, changes: Partial<OrganizationFields>): Promise<void> {
  const columns = {
    name: "name",
    sector: "sector",
    country: "country",
    language: "language",
    active: "active",
    fallbackEmail: "fallback_email",
  };
  const params: unknown[] = [id];
  const set = Object.entries(columns)
    .filter(([field]) => changes[field as keyof OrganizationFields] !== undefined)
    .map(([field, column]) => {
      const n = params.push(changes[field as keyof OrganizationFields]);
      return `"${column}" = $${n}${field === "language" ? `::"Language"` : ""}`;
    });
  await rows(
    tx,
    `UPDATE "organization" SET ${[...set, `"updated_at" = now()`].join(", ")} WHERE "id" = $1::uuid`,
    params,
  );
}

/**
 * Deletes an organization (its contacts and identifiers go with it, its hosts and reports keep no owner);
 * its name, or null when there is no such organization.
 */
export async function deleteOrganization(tx: Tx, id: string): Promise<string | null> {
  const [removed] = await rows<{ name: string }>(
    tx,
    `DELETE FROM "organization" WHERE "id" = $1::uuid RETURNING "name"`,
    [id],
  );
  return removed?.name ?? null;
}

/** Organizations by name, a page at a time, with how much each has registered, and how many match. */
/**
 * A page of the registry: registered organizations by default; `kind: "abuse_contact"` lists the
 * organizations made for fallback abuse mailboxes instead (they are not the registry's).
 */
export async function findOrganizations(
  db: Db,
  q: { search?: string; page: number; pageSize: number; kind?: "registered" | "abuse_contact" },
) {
  const where = {
    kind: q.kind ?? "registered",
    ...(q.search ? { name: { contains: q.search, mode: "insensitive" as const } } : {}),
  };
  const [total, organizations] = await Promise.all([
    db.prisma.organization.count({ where }),
    db.prisma.organization.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { _count: { select: { contacts: true, networks: true, asns: true, domains: true } } },
    }),
  ]);
  return { total, organizations };
}
