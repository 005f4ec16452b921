import type { Config } from "@baken/config";
import type { Db } from "@baken/db";
import type { Producer } from "@baken/queue";

/** What every use case may touch. Built once by each app (api, worker, scripts) and passed in. */
export type Ctx = { db: Db; config: Config; producer: Producer };

export type { Actor } from "@baken/core";
