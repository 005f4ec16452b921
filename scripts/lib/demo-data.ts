// The demo's and the browser tests' data, from the project's own test-data builder (@baken/testing,
// packages/testing/src/builder): a registry in reserved address ranges and .example domains, and a
// Shadowserver-style list of exposed Exchange servers in it.
//
// The builder arrives with the ingestion branch. Until it is merged it is looked up at run time, so this
// branch type-checks without it and says clearly what is missing; once merged, this lookup can become a
// plain `import { buildRegistry, registryNdjson, buildExposureCsv } from "@baken/testing"`.

type Registry = {
  organizations: {
    name: string;
    language: string;
    domains: string[];
    cidrs: string[];
    contacts: { email: string; language?: string }[];
  }[];
};
type Builder = {
  buildRegistry(options: { orgs?: number; seed?: number }): Registry;
  registryNdjson(registry: Registry): string;
  buildExposureCsv(
    registry: Registry,
    options: { rows: number; seed?: number },
  ): { csv: string; expected: (string | null)[] };
};

async function builder(): Promise<Builder> {
  const testing = (await import("@baken/testing")) as unknown as Partial<Builder>;
  if (!testing.buildRegistry || !testing.registryNdjson || !testing.buildExposureCsv) {
    throw new Error(
      "The test-data builder (buildRegistry, registryNdjson, buildExposureCsv in packages/testing/src/builder, " +
        "from the ingestion branch) is not in this checkout yet: merge it, then run this again.",
    );
  }
  return testing as Builder;
}

export type DemoData = {
  registry: Registry;
  /** The registry as POST /api/organizations/import takes it. */
  registryNdjson: string;
  /** The leaked list: header row, then one exposed server a row. */
  listCsv: string;
  /** Per data row of listCsv, the organization it must match (null: nobody's). */
  expected: (string | null)[];
};

/** The demo's default world: 5,000 organizations, the 1,170-row list; the same bytes on every machine. */
export async function buildDemoData({ orgs = 5000, rows = 1170, seed = 2021 } = {}): Promise<DemoData> {
  const b = await builder();
  const registry = b.buildRegistry({ orgs, seed });
  const { csv, expected } = b.buildExposureCsv(registry, { rows });
  return { registry, registryNdjson: b.registryNdjson(registry), listCsv: csv, expected };
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
