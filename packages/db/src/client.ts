import { PrismaPg } from "@prisma/adapter-pg";
import { setFlagsFromString } from "node:v8";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";

// Prisma plans each query in a WebAssembly module. V8's optimising tier for it grew the api's resident
// memory by ~65 MiB (compiler memory kept by glibc's per-thread arenas) for planning that is a small part
// of any request: the baseline compiler only. Set before the first query compiles the module.
setFlagsFromString("--liftoff-only");

export type Db = {
  /** Typed queries and transactions. */
  prisma: PrismaClient;
  /** The same connections, for what Prisma cannot do: COPY, cidr/inet operators, bulk SQL. */
  pool: pg.Pool;
  close(): Promise<void>;
};

// BIGINT (asn) comes back as a JS number: ASNs are 32-bit, so no precision is lost.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The one place a database client is made; apps create it once and close it on shutdown. */
export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    prisma,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
