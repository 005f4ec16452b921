import type { Config } from "@baken/config";
import type { Db } from "@baken/db";
import type { Producer } from "@baken/queue";

/** What every use case may touch. Built once by each app (api, worker, scripts) and passed in. */
export type Ctx = { db: Db; config: Config; producer: Producer };

/** Who did it, for the audit trail: a staff user, or a member of the public (no id) from an address. */
export type Actor = { id: string | null; email?: string; ip?: string };
