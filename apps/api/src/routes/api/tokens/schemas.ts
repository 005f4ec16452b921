import { API_TOKEN_ROLES } from "@baken/core";
import { z } from "zod";

export const tokenParams = z.object({ id: z.uuid() });

const staffRef = z.object({ id: z.string(), email: z.string() });

export const tokenBody = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(API_TOKEN_ROLES),
  status: z.enum(["active", "expired", "revoked"]),
  hint: z.string().describe("the token's first characters, to tell tokens apart (not secret)"),
  createdAt: z.string(),
  createdBy: staffRef,
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: staffRef.nullable(),
  lastUsedAt: z.string().nullable().describe("recorded at most once a minute"),
  lastUsedIp: z.string().nullable(),
});

export const createdTokenBody = tokenBody.extend({
  token: z.string().describe("the secret: shown in this answer only, never again"),
});
