import type { StaffRole } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** A token as staff see it: never its hash. */
export type ApiTokenRow = {
  id: string;
  name: string;
  role: "viewer" | "analyst";
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  createdBy: { id: string; email: string };
  revokedBy: { id: string; email: string } | null;
};

const TOKEN = `t."id", t."name", t."role"::text AS "role", t."created_at" AS "createdAt", t."expires_at" AS "expiresAt",
  t."revoked_at" AS "revokedAt", t."last_used_at" AS "lastUsedAt", t."last_used_ip" AS "lastUsedIp",
  json_build_object('id', c."id", 'email', c."email") AS "createdBy",
  CASE WHEN r."id" IS NULL THEN NULL ELSE json_build_object('id', r."id", 'email', r."email") END AS "revokedBy"`;
const FROM = `"api_token" t JOIN "staff_user" c ON c."id" = t."created_by_id" LEFT JOIN "staff_user" r ON r."id" = t."revoked_by_id"`;

export async function insertApiToken(
  tx: Tx,
  token: { id: string; name: string; role: "viewer" | "analyst"; hash: string; createdById: string; expiresAt: Date },
): Promise<ApiTokenRow> {
  await rows(
    tx,
    `INSERT INTO "api_token" ("id", "name", "role", "token_hash", "created_by_id", "expires_at")
     VALUES ($1::uuid, $2, $3::"StaffRole", $4, $5::uuid, $6)`,
    [token.id, token.name, token.role, token.hash, token.createdById, token.expiresAt],
  );
  return (await findApiToken(tx, token.id))!;
}

export async function findApiToken(conn: Conn, id: string): Promise<ApiTokenRow | null> {
  const [token] = await rows<ApiTokenRow>(conn, `SELECT ${TOKEN} FROM ${FROM} WHERE t."id" = $1::uuid`, [id]);
  return token ?? null;
}

/** Every token, newest first (there are tens, not thousands: no paging). */
export async function findApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return rows<ApiTokenRow>(db, `SELECT ${TOKEN} FROM ${FROM} ORDER BY t."created_at" DESC, t."id"`);
}

/** Marks a token revoked (once: a second revocation keeps the first's time and author); false if none. */
export async function revokeApiToken(tx: Tx, id: string, revokedById: string | null): Promise<boolean> {
  const found = await rows(
    tx,
    `UPDATE "api_token" SET "revoked_at" = coalesce("revoked_at", now()),
            "revoked_by_id" = CASE WHEN "revoked_at" IS NULL THEN $2::uuid ELSE "revoked_by_id" END
      WHERE "id" = $1::uuid RETURNING "id"`,
    [id, revokedById],
  );
  return found.length > 0;
}

/** What authenticating a request needs of a token and of its creator, as they are now. */
export type ApiTokenCredential = {
  id: string;
  name: string;
  role: "viewer" | "analyst";
  tokenHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  creator: { id: string; email: string; name: string; role: StaffRole; active: boolean };
};

/** One indexed read per request, so a revocation, an expiry or a disabled creator holds at once. */
export async function findApiTokenCredential(db: Db, id: string): Promise<ApiTokenCredential | null> {
  const [token] = await rows<ApiTokenCredential>(
    db,
    `SELECT t."id", t."name", t."role"::text AS "role", t."token_hash" AS "tokenHash", t."expires_at" AS "expiresAt",
            t."revoked_at" AS "revokedAt", t."last_used_at" AS "lastUsedAt",
            json_build_object('id', s."id", 'email', s."email", 'name', s."name", 'role', s."role", 'active', s."active")
              AS "creator"
       FROM "api_token" t JOIN "staff_user" s ON s."id" = t."created_by_id"
      WHERE t."id" = $1::uuid`,
    [id],
  );
  return token ?? null;
}

/**
 * Records a use (time and address) unless one was recorded less than `everySeconds` ago: a busy script
 * costs one write a minute, not one per request. The condition is in the statement, so two processes
 * racing past the caller's own check still write once.
 */
export async function recordApiTokenUse(db: Db, id: string, ip: string, everySeconds: number): Promise<void> {
  await rows(
    db,
    `UPDATE "api_token" SET "last_used_at" = now(), "last_used_ip" = $2
      WHERE "id" = $1::uuid AND ("last_used_at" IS NULL OR "last_used_at" < now() - make_interval(secs => $3))`,
    [id, ip, everySeconds],
  );
}
