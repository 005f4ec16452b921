import { parseArgs } from "node:util";
import { loadConfig } from "@baken/config";
import { AppError } from "@baken/core";
import { createDb } from "@baken/db";
import { createStaffUser } from "@baken/services";

const usage =
  "usage: npm run user:create -- --email a@b.example --password '...' --role admin|analyst|viewer [--name '...']";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
  },
});
const role = values.role;
if (!values.email || !values.password || (role !== "admin" && role !== "analyst" && role !== "viewer")) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl, { max: 1 });
try {
  const user = await createStaffUser(
    { db },
    { id: null },
    { email: values.email, password: values.password, role, name: values.name },
  );
  console.log(`created ${user.role} ${user.email}`);
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
