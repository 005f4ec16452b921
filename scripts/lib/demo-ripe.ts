// The demo's RIPE dump: a small one from the test-data builder, in RIPE's split-file format, whose ranges
// run through the documentation space up to the end of 192.0.2.0/24, where the demo list's unregistered
// hosts are. Loaded through `npm run ripe:import`'s service, so those hosts reach an abuse contact.
import type { Config } from "@baken/config";
import { activeRipeImportId, type Db } from "@baken/db";
import { importRipeFiles } from "@baken/services";
import { ripeDump } from "@baken/testing";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The builder fills 198.18.0.0/15 first, then 192.0.2.0/24: its allocation is the 2,612th inetnum of the
// dump (seed 2021) and the documentation space holds 2,627; 2,620 covers the /24 and stays inside.
const DEMO_DUMP = { inetnum: 2620, inet6num: 200, autNum: 50, organisation: 200, role: 200 };

/** Imports the demo dump unless an import is active (a second run keeps what is loaded, staff's upload too). */
export async function ensureDemoRipeImport({
  db,
  config,
}: {
  db: Db;
  config: Config;
}): Promise<{ imported: false } | { imported: true; id: number; prefixes: number; asns: number }> {
  if ((await activeRipeImportId(db)) !== null) return { imported: false };
  const dir = await mkdtemp(join(tmpdir(), "baken-demo-ripe-"));
  try {
    const paths: string[] = [];
    for (const file of ripeDump(DEMO_DUMP)) {
      const path = join(dir, file.name);
      await writeFile(path, Buffer.concat([...file.chunks()]));
      paths.push(path);
    }
    const done = await importRipeFiles({ db, config }, { id: null }, { paths, countries: null });
    return { imported: true, id: done.id, prefixes: done.prefixCount, asns: done.asnCount };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
