import { rows, type Conn } from "../transaction.ts";

export async function organizationExists(conn: Conn, id: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "organization" WHERE "id" = $1::uuid`, [id])).length > 0;
}
