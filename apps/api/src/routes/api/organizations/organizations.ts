import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { fallbackEmail, idParams, language, organizationRow, organizationView } from "./schemas.ts";

/** Organizations themselves: search, register, read, change, delete. */
export default async function organizationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

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
            organizations: z.array(organizationRow),
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
          fallbackEmail: fallbackEmail.optional(),
        }),
        response: { 201: organizationView },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(ctx, actorOf(request), request.body)),
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
        summary: "Change an organization's name, sector, country, language, active flag or fallback address",
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
          fallbackEmail: fallbackEmail.optional(),
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
}
