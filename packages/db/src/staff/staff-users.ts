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
  /** sessions signed with another value are over (a password reset raises it) */
  sessionEpoch: number;
};

const STAFF = `"id", "email", "name", "role"::text AS "role", "active", "password_hash" AS "passwordHash",
  "session_epoch" AS "sessionEpoch"`;

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

/** A staff user as the staff page lists it. */
export type StaffListRow = Omit<StaffUserRow, "passwordHash" | "sessionEpoch"> & {
  createdAt: Date;
  lastLoginAt: Date | null;
};

/** Every staff user, active ones first, by e-mail. */
export async function findAllStaffUsers(conn: Conn): Promise<StaffListRow[]> {
  return rows<StaffListRow>(
    conn,
    `SELECT "id", "email", "name", "role"::text AS "role", "active", "created_at" AS "createdAt",
            "last_login_at" AS "lastLoginAt"
       FROM "staff_user" ORDER BY "active" DESC, "email"`,
  );
}

/** Locks a staff user's row for a change; null when there is none. */
export async function lockStaffUser(tx: Tx, id: string): Promise<StaffUserRow | null> {
  const [user] = await rows<StaffUserRow>(tx, `SELECT ${STAFF} FROM "staff_user" WHERE "id" = $1::uuid FOR UPDATE`, [
    id,
  ]);
  return user ?? null;
}

/** How many active admins there are, other than `exceptId`, their rows locked: the last one must stay. */
export async function countOtherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
  const found = await rows(
    tx,
    `SELECT "id" FROM "staff_user" WHERE "role" = 'admin' AND "active" AND "id" <> $1::uuid FOR UPDATE`,
    [exceptId],
  );
  return found.length;
}

/** Changes the fields given (undefined: unchanged). */
export async function updateStaffUser(
  tx: Tx,
  id: string,
  change: Partial<Pick<StaffUserRow, "name" | "role" | "active" | "passwordHash">>,
): Promise<void> {
  const params: unknown[] = [id];
  const set: string[] = [];
  if (change.name !== undefined) set.push(`"name" = $${params.push(change.name)}`);
  if (change.role !== undefined) set.push(`"role" = $${params.push(change.role)}::"StaffRole"`);
  if (change.active !== undefined) set.push(`"active" = $${params.push(change.active)}`);
  if (change.passwordHash !== undefined) set.push(`"password_hash" = $${params.push(change.passwordHash)}`);
  if (set.length === 0) return;
  await rows(tx, `UPDATE "staff_user" SET ${set.join(", ")} WHERE "id" = $1::uuid`, params);
}

/** Ends every session signed in to this account so far: they carry the old epoch. */
export async function endStaffSessions(tx: Tx, id: string): Promise<void> {
  await rows(tx, `UPDATE "staff_user" SET "session_epoch" = "session_epoch" + 1 WHERE "id" = $1::uuid`, [id]);
}
