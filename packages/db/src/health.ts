import type { Db } from "./client.ts";

/** Whether PostgreSQL answers a trivial query within `timeoutMs` (the readiness check). */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([db.pool.query("SELECT 1"), late]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
