import type { Prisma } from "@baken/db";

type Tx = Prisma.TransactionClient;

export type OrganizationView = {
  id: string;
  name: string;
  sector: string | null;
  country: string | null;
  language: "nl" | "fr" | "de" | "en";
  active: boolean;
  createdAt: string;
  updatedAt: string;
  contacts: {
    id: string;
    email: string;
    name: string;
    role: "abuse" | "security" | "technical";
    language: "nl" | "fr" | "de" | "en" | null;
    pgpPublicKey: string | null;
    active: boolean;
  }[];
  networks: { id: number; cidr: string }[];
  asns: { id: number; asn: number }[];
  domains: { id: number; name: string }[];
};

/** An organization with everything registered to it (networks read as text: Prisma has no cidr type). */
export async function organizationView(tx: Tx, id: string): Promise<OrganizationView | null> {
  const org = await tx.organization.findUnique({
    where: { id },
    include: {
      contacts: { orderBy: { email: "asc" } },
      asns: { orderBy: { asn: "asc" } },
      domains: { orderBy: { name: "asc" } },
    },
  });
  if (!org) return null;
  const networks = await tx.$queryRawUnsafe<{ id: number; cidr: string }[]>(
    `SELECT "id", "cidr"::text AS "cidr" FROM "network" WHERE "organization_id" = $1::uuid ORDER BY "cidr"`,
    id,
  );
  return {
    id: org.id,
    name: org.name,
    sector: org.sector,
    country: org.country,
    language: org.language,
    active: org.active,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    contacts: org.contacts.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name,
      role: c.role,
      language: c.language,
      pgpPublicKey: c.pgpPublicKey,
      active: c.active,
    })),
    networks,
    asns: org.asns.map((a) => ({ id: a.id, asn: Number(a.asn) })),
    domains: org.domains.map((d) => ({ id: d.id, name: d.name })),
  };
}
