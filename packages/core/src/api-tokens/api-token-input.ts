import { z } from "zod";

/** What a token may be: never admin, so a leaked token cannot change the registry, staff or tokens. */
export const API_TOKEN_ROLES = ["viewer", "analyst"] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/** Longest life of a token: a forgotten one stops working within a year (as GitHub's fine-grained tokens). */
export const API_TOKEN_MAX_DAYS = 365;

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100).describe("what the token is for: the tool or partner that holds it"),
  role: z.enum(API_TOKEN_ROLES),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(90),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

/** How a token stands now. */
export type ApiTokenStatus = "active" | "expired" | "revoked";

export const apiTokenStatus = (t: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): ApiTokenStatus =>
  t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active";
