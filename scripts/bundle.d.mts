/** Bundles a TypeScript entry point of Baken into one ES module that plain `node` runs (scripts/bundle.mjs). */
export function bundle(entry: string, outfile: string): Promise<void>;
