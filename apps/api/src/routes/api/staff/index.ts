import { STAFF_ROLES } from "@baken/core";
import { createStaffUser, listStaffUsers, resetStaffPassword, updateStaffUser } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";

const staffBody = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
const params = z.object({ id: z.uuid() });
const password = z.string().min(12, "at least 12 characters").max(200);

/** Staff accounts, for admins: every change is audited; a disabled account stops at its next request. */
export default async function staffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["staff"];

  app.get(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Every staff account, active ones first",
        response: { 200: z.object({ staff: z.array(staffBody) }) },
      },
    },
    async () => ({ staff: await listStaffUsers(app.ctx) }),
  );

  app.post(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Create a staff account",
        body: z.object({
          email: z.email().max(254),
          name: z.string().trim().max(200).default(""),
          role: z.enum(STAFF_ROLES),
          password,
        }),
        response: { 201: z.object({ id: z.string(), email: z.string(), role: z.enum(STAFF_ROLES) }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createStaffUser(app.ctx, actorOf(request), request.body)),
  );

  app.patch(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Rename, change the role of, disable or enable a staff account",
        params,
        body: z.object({
          name: z.string().max(200).optional(),
          role: z.enum(STAFF_ROLES).optional(),
          active: z.boolean().optional().describe("false: the account's sessions and API tokens stop at once"),
        }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => updateStaffUser(app.ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    "/:id/password",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Set a staff account's password: the one given, or a random one returned this once",
        params,
        body: z.object({ password: password.optional() }),
        response: { 200: z.object({ password: z.string() }) },
      },
    },
    async (request) => resetStaffPassword(app.ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );
}
