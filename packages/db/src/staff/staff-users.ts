import type { StaffRole } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** A staff user as sign-in and authorisation see it. */
export type StaffUserRow = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  passwordHash: string;
};

const STAFF = `"id", "email", "name", "role"::text AS "role", "active", "password_hash" AS "passwordHash"`;

export async function findStaffUser(conn: Conn, id: string): Promise<StaffUserRow | null> {
  const [user] = await rows<StaffUserRow>(conn, `SELECT ${STAFF} FROM "staff_user" WHERE "id" = $1::uuid`, [id]);
  return user ?? null;
}

/** By e-mail address (stored lower-case). */
export async function findStaffUserByEmail(conn: Conn, email: string): Promise<StaffUserRow | null> {
  const [user] = await rows<StaffUserRow>(conn, `SELECT ${STAFF} FROM "staff_user" WHERE "email" = $1`, [email]);
  return user ?? null;
}

export async function insertStaffUser(
  tx: Tx,
  user: Pick<StaffUserRow, "email" | "name" | "role" | "passwordHash">,
): Promise<StaffUserRow> {
  const [created] = await rows<StaffUserRow>(
    tx,
    `INSERT INTO "staff_user" ("email", "name", "role", "password_hash") VALUES ($1, $2, $3::"StaffRole", $4)
     RETURNING ${STAFF}`,
    [user.email, user.name, user.role, user.passwordHash],
  );
  return created!;
}

export async function recordStaffLogin(tx: Tx, id: string, at: Date): Promise<void> {
  await rows(tx, `UPDATE "staff_user" SET "last_login_at" = $2 WHERE "id" = $1::uuid`, [id, at]);
}

export async function countStaffUsers(db: Db): Promise<number> {
  return db.prisma.staffUser.count();
}
