import { rows, type Conn } from "../transaction.ts";

export async function campaignExists(conn: Conn, id: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "campaign" WHERE "id" = $1::uuid`, [id])).length > 0;
}
