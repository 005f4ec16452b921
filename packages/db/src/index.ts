export { createDb, type Db } from "./client.ts";
export { withClient, withTransaction, isConnectionLost, connectionLostError } from "./checkout.ts";
export { migrate, MigrationError, type MigrationResult } from "./migrate.ts";
export { MIGRATIONS_DIR } from "./paths.ts";
export { ensureDatabase } from "./ensure-database.ts";
export * from "./generated/client.ts";
