import { AppError } from "@baken/core";
import {
  addContact,
  addIdentifier,
  createOrganization,
  deleteOrganization,
  getOrganization,
  importRegistry,
  listOrganizations,
  removeContact,
  removeIdentifier,
  updateContact,
  updateOrganization,
  type IdentifierKind,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { contactBody, contactView, idParams, importResult, language, organizationView } from "./schemas.ts";

const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The organization registry: reading needs viewer; every change (organizations, contacts, networks, ASNs,
 * domains, import) admin, since the registry decides who is mailed what (an analyst could otherwise make
 * an address of theirs another organization's abuse contact). Analysts assign a list's rows to an existing
 * organization (POST /api/lists/:id/assign), which is list work. Networks, ASNs and domains are
 * sub-resources; a bad CIDR / ASN / e-mail / language is a 400 naming the field.
 */
export default async function organizationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  // The import body is the file itself (NDJSON or CSV), read as text within its own size limit.
  for (const type of ["application/x-ndjson", "application/ndjson", "text/csv", "text/plain"]) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
  }

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["organizations"],
        summary: "Organizations by name (search, paged)",
        querystring: z.object({
          search: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            organizations: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                sector: z.string().nullable(),
                country: z.string().nullable(),
                language,
                active: z.boolean(),
                counts: z.object({ contacts: z.number(), networks: z.number(), asns: z.number(), domains: z.number() }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listOrganizations(ctx, request.query),
  );

  app.post(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Register an organization (the import's record shape)",
        body: z.object({
          name: z.string(),
          sector: z.string().nullish(),
          country: z.string().nullish(),
          language: z.string().optional(),
          contacts: z
            .array(
              z.object({
                email: z.string(),
                name: z.string().optional(),
                role: z.string().optional(),
                language: z.string().nullish(),
              }),
            )
            .optional(),
          cidrs: z.array(z.string()).optional(),
          asns: z.array(z.union([z.number(), z.string()])).optional(),
          domains: z.array(z.string()).optional(),
        }),
        response: { 201: organizationView },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(ctx, actorOf(request), request.body)),
  );

  app.post(
    "/import",
    {
      config: { role: "admin" },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ["organizations"],
        summary: "Bulk import (NDJSON or CSV body), upsert by name, one transaction",
        description:
          "Send the file as the body with Content-Type application/x-ndjson or text/csv. Answers counts and, per rejected line, its reasons.",
        response: { 200: importResult },
      },
    },
    async (request) => {
      if (typeof request.body !== "string" || request.body.trim() === "") {
        throw new AppError(
          "bad_request",
          "Send the registry file as the body (Content-Type application/x-ndjson or text/csv)",
        );
      }
      return importRegistry(ctx, actorOf(request), { text: request.body });
    },
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["organizations"],
        summary: "One organization with contacts, networks, ASNs, domains",
        params: idParams,
        response: { 200: organizationView },
      },
    },
    async (request) => getOrganization(ctx, request.params.id),
  );

  app.patch(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Change an organization's name, sector, country, language or active flag",
        params: idParams,
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          sector: z.string().max(100).nullable().optional(),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/, "a two-letter country code")
            .nullable()
            .optional(),
          language: language.optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: organizationView },
      },
    },
    async (request) => updateOrganization(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Delete an organization and everything registered to it",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteOrganization(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });
  app.post(
    "/:id/contacts",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Add a contact",
        params: idParams,
        body: contactBody,
        response: { 201: contactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addContact(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/:id/contacts/:contactId",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Change a contact",
        params: contactParams,
        body: contactBody.partial(),
        response: { 200: contactView },
      },
    },
    async (request) => updateContact(ctx, actorOf(request), request.params.id, request.params.contactId, request.body),
  );
  app.delete(
    "/:id/contacts/:contactId",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Remove a contact",
        params: contactParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeContact(ctx, actorOf(request), request.params.id, request.params.contactId);
      return reply.status(204).send(null);
    },
  );

  const identifiers: {
    path: string;
    kind: IdentifierKind;
    field: "cidr" | "asn" | "name";
    value: z.ZodType<string | number>;
  }[] = [
    { path: "networks", kind: "network", field: "cidr", value: z.string().max(100) },
    { path: "asns", kind: "asn", field: "asn", value: z.union([z.number(), z.string().max(20)]) },
    { path: "domains", kind: "domain", field: "name", value: z.string().max(253) },
  ];
  for (const { path, kind, field, value } of identifiers) {
    app.post(
      `/:id/${path}`,
      {
        config: { role: "admin" },
        schema: {
          tags: ["organizations"],
          summary: `Register a ${kind} to the organization`,
          params: idParams,
          body: z.object({ [field]: value }),
          response: { 201: z.object({ id: z.number(), [field]: kind === "asn" ? z.number() : z.string() }) },
        },
      },
      async (request, reply) => {
        const body = request.body as Record<string, string | number>;
        const row = await addIdentifier(ctx, actorOf(request), request.params.id, kind, body[field]!);
        return reply.status(201).send({ id: row.id, [field]: row.value });
      },
    );
    app.delete(
      `/:id/${path}/:itemId`,
      {
        config: { role: "admin" },
        schema: {
          tags: ["organizations"],
          summary: `Remove a ${kind} from the organization`,
          params: z.object({ id: z.uuid(), itemId: z.coerce.number().int().positive() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeIdentifier(ctx, actorOf(request), request.params.id, kind, request.params.itemId);
        return reply.status(204).send(null);
      },
    );
  }
}
