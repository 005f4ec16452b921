import { ipv4, Lcg } from "./random.ts";
import type { BuiltRegistry } from "./registry.ts";

/** The columns of the generated Shadowserver-style scan report. */
export const EXPOSURE_HEADER = [
  "timestamp",
  "ip",
  "protocol",
  "port",
  "hostname",
  "tag",
  "asn",
  "geo",
  "region",
  "city",
  "naics",
  "sic",
  "sector",
  "version",
  "build",
] as const;

const BUILDS = ["15.1.2176.2", "15.2.792.3", "15.0.1497.2", "15.1.1979.3"];
const FIRST_SEEN = Date.UTC(2021, 2, 9, 6, 0, 0);

export type ExposureOptions = {
  rows: number;
  /** Without a seed the list continues the registry's random sequence (as the reference generator does). */
  seed?: number;
};

export type ExposureLine = {
  /** One CSV line, without its line break. */
  line: string;
  /** The organization this row must be matched to, or null when nobody owns it. */
  expected: string | null;
};

/**
 * The rows of a scan report, one at a time (a million-row list need not be held in memory):
 * 75% inside a customer's block (half with a `mail.` hostname under its domain), 12% in ISP space that no
 * customer holds (with the ISP's ASN), 8% outside every network but with an `owa.` hostname under a
 * customer's domain (203.0.113.0/24), 5% owned by nobody (192.0.2.0/24, half with an unknown hostname).
 */
export function* exposureLines(registry: BuiltRegistry, { rows, seed }: ExposureOptions): Generator<ExposureLine> {
  const rng = new Lcg(seed ?? registry.stateAfter);
  const { organizations: orgs, ispCount, ranges, ownedBlocks } = registry;
  const customers = [...ranges.keys()].filter((i) => i >= ispCount).sort((a, b) => a - b);
  const others = orgs.slice(ispCount);
  for (let r = 0; r < rows; r++) {
    const t = new Date(FIRST_SEEN + r * 1370)
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z/, "");
    const kind = rng.next();
    let ip: string;
    let host = "";
    let asn = "";
    let expected: string | null;
    if (kind < 0.75 && customers.length > 0) {
      const i = rng.pick(customers);
      const [start, end] = ranges.get(i)!;
      ip = ipv4(start + Math.floor(rng.next() * (end - start)));
      if (rng.next() < 0.5) host = `mail.${orgs[i]!.domains[0]}`;
      expected = orgs[i]!.name;
    } else if (kind < 0.87) {
      const isp = Math.floor(rng.next() * ispCount);
      const [start] = ranges.get(isp)!;
      let n: number;
      do n = start + Math.floor(rng.next() * 4096);
      while (ownedBlocks.has(n - ((n - start) % 16)));
      ip = ipv4(n);
      asn = String(orgs[isp]!.asns[0]);
      expected = orgs[isp]!.name;
    } else if (kind < 0.95 && others.length > 0) {
      const o = rng.pick(others);
      ip = `203.0.113.${1 + Math.floor(rng.next() * 254)}`;
      host = `owa.${o.domains[0]}`;
      expected = o.name;
    } else {
      ip = `192.0.2.${1 + Math.floor(rng.next() * 254)}`;
      host = rng.next() < 0.5 ? `mail.unknown${r}.example` : "";
      expected = null;
    }
    const build = rng.pick(BUILDS);
    const line = [
      t,
      ip,
      "tcp",
      443,
      host,
      "exchange;cve-2021-26855",
      asn,
      "BE",
      "",
      "",
      "",
      "",
      "",
      "Exchange 2016",
      build,
    ].join(",");
    yield { line, expected };
  }
}

/** A whole scan report as one CSV text (header row, comma separated, LF) and, per row, its expected owner. */
export function buildExposureCsv(
  registry: BuiltRegistry,
  options: ExposureOptions,
): { csv: string; expected: (string | null)[] } {
  const lines = [EXPOSURE_HEADER.join(",")];
  const expected: (string | null)[] = [];
  for (const row of exposureLines(registry, options)) {
    lines.push(row.line);
    expected.push(row.expected);
  }
  return { csv: lines.join("\n") + "\n", expected };
}
