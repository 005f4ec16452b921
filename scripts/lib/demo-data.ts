// The demo's and the browser tests' data, from the project's own test-data builder (the one the integration
// tests and benchmarks use): a registry in reserved address ranges and .example domains, and a
// Shadowserver-style list of exposed Exchange servers in it. Demo and tests thus agree on every byte.
import { buildExposureCsv, buildRegistry, registryNdjson, type BuiltRegistry } from "@baken/testing";

export type DemoData = {
  registry: BuiltRegistry;
  /** The registry as POST /api/organizations/import takes it. */
  registryNdjson: string;
  /** The leaked list: header row, then one exposed server a row. */
  listCsv: string;
  /** Per data row of listCsv, the organization it must match (null: nobody's). */
  expected: (string | null)[];
};

/** The demo's default world: 5,000 organizations, the 1,170-row list; the same bytes on every machine. */
export function buildDemoData({ orgs = 5000, rows = 1170, seed = 2021 } = {}): DemoData {
  const registry = buildRegistry({ orgs, seed });
  const { csv, expected } = buildExposureCsv(registry, { rows });
  return { registry, registryNdjson: registryNdjson(registry), listCsv: csv, expected };
}

/**
 * A follow-up scan of the same servers `days` later: the rows for which `gone(row index)` is true are
 * absent (fixed or offline), the others are seen again, with their timestamps moved on.
 */
export function followUpCsv(listCsv: string, gone: (index: number, line: string) => boolean, days = 7): string {
  const [header, ...rows] = listCsv.trimEnd().split("\n");
  const shift = (line: string) =>
    line.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/, (_all, day: string, time: string) => {
      const moved = new Date(Date.parse(`${day}T${time}Z`) + days * 86_400_000).toISOString();
      return `${moved.slice(0, 10)} ${moved.slice(11, 19)}`;
    });
  return [header, ...rows.filter((line, i) => !gone(i, line)).map(shift)].join("\n") + "\n";
}
