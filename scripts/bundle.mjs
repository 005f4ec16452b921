// One ES module of Baken's TypeScript that plain `node` runs (dependencies stay in node_modules): what
// npm run build:server makes of the api and the worker, and what the benchmarks measure as they run.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, relative } from "node:path";

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

/** @param {string} entry @param {string} outfile */
export async function bundle(entry, outfile) {
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
