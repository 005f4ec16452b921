import type { FastifyInstance } from "fastify";
import abuseContactRoutes from "./abuse-contacts.ts";
import contactHealthRoutes from "./contact-health.ts";
import contactRoutes from "./contacts.ts";
import identifierRoutes from "./identifiers.ts";
import importRoutes, { IMPORT_MAX_BYTES } from "./import.ts";
import noticeRoutes from "./notices.ts";
import organizationRoutes from "./organizations.ts";

/**
 * Everything under /api/organizations, the registry: reading needs viewer; every change (organizations,
 * contacts, networks, ASNs, domains, import) admin, since the registry decides who is mailed what (an analyst
 * could otherwise make an address of theirs another organization's abuse contact). Analysts assign a list's
 * rows to an existing organization (POST /api/lists/:id/assign), which is list work. Contacts, networks,
 * ASNs, domains and past notices are sub-resources, one file each; a bad CIDR / ASN / e-mail / language is a
 * 400 naming the field.
 */
export default async function organizations(app: FastifyInstance) {
  // The import body is the file itself (NDJSON or CSV), read as text within its own size limit.
  for (const type of ["application/x-ndjson", "application/ndjson", "text/csv", "text/plain"]) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
  }
  await app.register(organizationRoutes);
  await app.register(importRoutes);
  await app.register(contactRoutes);
  await app.register(contactHealthRoutes);
  await app.register(identifierRoutes);
  await app.register(noticeRoutes);
  await app.register(abuseContactRoutes);
}
