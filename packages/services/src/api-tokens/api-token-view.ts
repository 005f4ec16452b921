import { API_TOKEN_PREFIX, apiTokenStatus } from "@baken/core";
import type { ApiTokenRow } from "@baken/db";

/**
 * A token as the API shows it: never its hash. `hint` is the token's first characters (its row id's start),
 * enough to tell which token a script holds without showing anything secret.
 */
export function apiTokenView(t: ApiTokenRow, now = new Date()) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    status: apiTokenStatus(t, now),
    hint: `${API_TOKEN_PREFIX}${t.id.replaceAll("-", "").slice(0, 8)}…`,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    revokedBy: t.revokedBy,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: t.lastUsedIp,
  };
}
export type ApiTokenView = ReturnType<typeof apiTokenView>;
