export { QUEUES, jobSchemas, jobQueue, jobId, type QueueName, type JobName, type JobData } from "./jobs.ts";
export { createRedis } from "./connection.ts";
export { createProducer, defaultJobOptions, type JobStatus, type Producer } from "./producer.ts";
export { createDomainThrottle, type DomainThrottle } from "./domain-throttle.ts";
export { redisPersistence, persistenceWarnings, type RedisPersistence } from "./persistence.ts";
export type { JobsOptions } from "bullmq";
