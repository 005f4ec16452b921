// npm run build:server: the api and the worker, each one ES module (apps/<app>/dist/*.mjs) that plain
// `node` runs, as the image does; and the worker's ripe:import command, which bench:ripe measures.
// Measured (npm run bench:ingest): the api at rest takes ~215 MiB RSS bundled against ~270 MiB under
// tsx, whose loader keeps every transformed module's source and source map.
import { bundle } from "./bundle.mjs";

const targets = [
  { entry: "apps/api/src/server.ts", outfile: "apps/api/dist/server.mjs" },
  { entry: "apps/worker/src/main.ts", outfile: "apps/worker/dist/main.mjs" },
  { entry: "apps/worker/src/cli/ripe-import.ts", outfile: "apps/worker/dist/ripe-import.mjs" },
];

for (const { entry, outfile } of targets) await bundle(entry, outfile);
