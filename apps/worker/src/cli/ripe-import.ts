import { parseArgs } from "node:util";
import { loadConfig } from "@baken/config";
import { AppError } from "@baken/core";
import { createDb } from "@baken/db";
import { importRipeFiles, parseCountries } from "@baken/services";

const usage =
  "usage: npm run ripe:import -- FILE... [--countries BE,LU]\n" +
  "  FILE: RIPE's split files (ripe.db.inetnum, ripe.db.inet6num, ripe.db.aut-num, ripe.db.organisation,\n" +
  "  ripe.db.role), gzipped or not, in any order; optionally delegated-ripencc-latest (the ASNs of --countries)";

const { values, positionals } = parseArgs({ options: { countries: { type: "string" } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl, { max: 2 });
try {
  const started = performance.now();
  const done = await importRipeFiles(
    { db, config },
    { id: null },
    { paths: positionals, countries: parseCountries(values.countries, "--countries") },
  );
  const r = done.report!;
  console.log(
    `RIPE import ${done.id} active: ${done.prefixCount} prefixes, ${done.asnCount} ASNs, dump of ${r.dumpDate ?? "unknown date"}, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`objects read: ${JSON.stringify(r.objects)}`);
  console.log(
    `inetnum with a contact ${r.inetnum.withContact}, inherited ${r.inetnum.inherited}, without ${r.inetnum.without}; ` +
      `inet6num ${r.inet6num.withContact} / ${r.inet6num.inherited} / ${r.inet6num.without}; ` +
      `aut-num ${r.autNum.withContact} / ${r.autNum.without}`,
  );
  for (const m of r.malformed.first) console.log(`malformed: ${m.file} line ${m.line}: ${m.reason}`);
  if (r.malformed.count > r.malformed.first.length) console.log(`… ${r.malformed.count} malformed objects in all`);
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
