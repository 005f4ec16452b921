import { randomBytes } from "node:crypto";

// Each test file gets its own queues under the run's prefix: files run one after another, and a job a
// file leaves behind (a retry, a delayed reminder) must not be taken by the next file's worker and mailed
// to that file's SMTP sink. The global teardown deletes `<run prefix>-*`, which covers these.
const run = process.env.BAKEN_TEST_RUN_PREFIX;
if (!run) throw new Error("BAKEN_TEST_RUN_PREFIX is not set: run integration tests through vitest's global setup");
process.env.REDIS_PREFIX = `${run}-f${randomBytes(3).toString("hex")}`;
// Test files run side by side: a worker they start takes bounces only where the file asks for a port.
process.env.BOUNCE_SMTP_PORT ??= "0";
