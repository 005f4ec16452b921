import { loadConfig } from "@baken/config";
import { ensureDatabase } from "../ensure-database.ts";
import { migrate } from "../migrate.ts";
import { MIGRATIONS_DIR } from "../paths.ts";

try {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const { applied, alreadyApplied } = await migrate(config.databaseUrl, MIGRATIONS_DIR);
  for (const name of applied) console.log(`applied ${name}`);
  console.log(`${applied.length} applied, ${alreadyApplied.length} already applied`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
