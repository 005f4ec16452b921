import { loadConfig } from "@baken/config";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, migrate, MigrationError, MIGRATIONS_DIR } from "../src/index.ts";

// Each test migrates its own scratch database (not the run's shared one), dropped at the end.
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const serverUrl = new URL(loadConfig().databaseUrl);
const scratch: string[] = [];
const tempDirs: string[] = [];

async function scratchDatabase(create = true): Promise<string> {
  const name = `baken_scratch_${randomBytes(5).toString("hex")}`;
  scratch.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (create) await ensureDatabase(url.toString());
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "baken-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const localNames = async () =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

function runCli(databaseUrl: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["packages/db/src/cli/migrate.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(async () => {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  for (const name of scratch) await query(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migration runner", () => {
  it("applies every migration to an empty database, then nothing the second time", async () => {
    const url = await scratchDatabase();
    const names = await localNames();
    expect(names.length).toBeGreaterThan(0);

    const first = await migrate(url, MIGRATIONS_DIR);
    expect(first).toEqual({ applied: names, alreadyApplied: [] });
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["staff_user", "audit_event", "_prisma_migrations"]),
    );

    const second = await migrate(url, MIGRATIONS_DIR);
    expect(second).toEqual({ applied: [], alreadyApplied: names });
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(names.length);
  });

  it("records migrations as `prisma migrate deploy` does", async () => {
    const url = await scratchDatabase();
    await migrate(url, MIGRATIONS_DIR);
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const names = await localNames();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies each migration once when two clients migrate at the same time", async () => {
    const url = await scratchDatabase();
    const names = await localNames();
    const results = await Promise.all([migrate(url, MIGRATIONS_DIR), migrate(url, MIGRATIONS_DIR)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(names);
  });

  it("creates a missing database once when several clients ask at the same time", async () => {
    const url = await scratchDatabase(false);
    const results = await Promise.allSettled([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(await query(url, "SELECT current_database()")).toEqual([
      { current_database: new URL(url).pathname.slice(1) },
    ]);
  });

  it("`npm run db:migrate` from two processes at once: both succeed, each migration applied once", async () => {
    // The database does not exist yet: both processes also race to create it.
    const url = await scratchDatabase(false);
    const names = await localNames();
    const [a, b] = await Promise.all([runCli(url), runCli(url)]);
    expect(a.stderr).toBe("");
    expect(b.stderr).toBe("");
    expect([a.code, b.code]).toEqual([0, 0]);
    const summaries = [a.stdout, b.stdout].map((out) => out.match(/(\d+) applied, (\d+) already applied/)?.slice(1));
    expect(summaries.map((s) => Number(s?.[0])).sort()).toEqual([0, names.length]);
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(names.length);
  });

  it("refuses to run when an applied migration's file has changed, and changes nothing", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, dir);
    const [first] = await localNames();
    await appendFile(join(dir, first!, "migration.sql"), "\n-- edited after it was applied\n");
    await mkdir(join(dir, "29990101000000_later"));
    await writeFile(join(dir, "29990101000000_later", "migration.sql"), "CREATE TABLE later (id int);");

    const refused = migrate(url, dir);
    await expect(refused).rejects.toBeInstanceOf(MigrationError);
    await expect(refused).rejects.toThrow(`migration ${first} was changed after it was applied (checksum differs)`);
    const later = await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'later'");
    expect(later).toHaveLength(0);
  });

  it("leaves neither the changes nor the record of a migration that fails", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, dir);
    await mkdir(join(dir, "29990101000000_broken"));
    await writeFile(
      join(dir, "29990101000000_broken", "migration.sql"),
      "CREATE TABLE half_done (id int);\nALTER TABLE no_such_table ADD COLUMN x int;",
    );

    await expect(migrate(url, dir)).rejects.toThrow(/migration 29990101000000_broken failed: .*no_such_table/);
    expect(await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toHaveLength(0);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name LIKE '%broken'`)).toHaveLength(0);
  });
});
