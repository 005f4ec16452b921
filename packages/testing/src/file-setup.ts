import { randomBytes } from "node:crypto";
import pg from "pg";

// Test files run side by side in a few workers (vitest.config.ts). Each worker has a database of its own, made
// on its first file as a copy of the run's migrated template (global-setup.ts), so that files of different
// workers never see each other's rows; within a worker, files run one after another as before. A copy takes
// a fraction of a second where migrating takes seconds. VITEST_POOL_ID (1 to maxWorkers) names the worker.
const run = process.env.BAKEN_TEST_RUN_PREFIX;
const template = process.env.BAKEN_TEST_TEMPLATE_URL;
const pool = process.env.VITEST_POOL_ID;
if (!run || !template || !pool) {
  throw new Error("run integration tests through vitest: its global setup makes the run's template and prefix");
}
process.env.DATABASE_URL = await workerDatabase(template, pool);

// Each test file gets its own queues under the run's prefix: a job a file leaves behind (a retry, a delayed
// reminder) must not be taken by the next file's worker and mailed to that file's SMTP sink. The global
// teardown deletes `<run prefix>-*`, which covers these.
process.env.REDIS_PREFIX = `${run}-f${randomBytes(3).toString("hex")}`;
// Test files run side by side: a worker they start takes bounces only where the file asks for a port.
process.env.BOUNCE_SMTP_PORT ??= "0";

/** `<template>_w<pool>`, copied from the template unless this worker's earlier file already did. */
async function workerDatabase(templateUrl: string, poolId: string): Promise<string> {
  const url = new URL(templateUrl);
  const templateName = url.pathname.slice(1);
  const name = `${templateName}_w${poolId}`;
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
