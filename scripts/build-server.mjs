// npm run build:server: the api and the worker, each one ES module (apps/<app>/dist/*.mjs) that plain
// `node` runs, as the image does. Baken's own TypeScript is bundled; dependencies stay in node_modules.
// Measured (npm run bench:ingest): the api at rest takes ~215 MiB RSS bundled against ~270 MiB under
// tsx, whose loader keeps every transformed module's source and source map.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, relative } from "node:path";

const targets = [
  { entry: "apps/api/src/server.ts", outfile: "apps/api/dist/server.mjs" },
  { entry: "apps/worker/src/main.ts", outfile: "apps/worker/dist/main.mjs" },
];

/** @param {string} outfile @returns {import("esbuild").Plugin} */
const workspace = (outfile) => ({
  name: "baken-workspace",
  setup(b) {
    // Packages other than @baken/* are imported from node_modules at run time, as under tsx.
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@baken/") ? undefined : { path: args.path, external: true },
    );
    // A module that finds files next to itself (migrations, the console's build, Prisma's client) keeps
    // its own location: import.meta.url becomes the source file's, relative to the bundle.
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const own = JSON.stringify(relative(dirname(outfile), args.path));
      return { contents: source.replaceAll("import.meta.url", `new URL(${own}, import.meta.url).href`), loader: "ts" };
    });
  },
});

for (const { entry, outfile } of targets) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [workspace(outfile)],
  });
}
