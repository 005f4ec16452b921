import { RipeCollector, resolveReach, ReachLookup, type CollectOptions, type ResolveOptions } from "../../src/index.ts";

/** Reads RPSL files (name -> text, latin-1) into a collector, resolves them and loads the lookup. */
export function importDump(files: Record<string, string>, options: CollectOptions & ResolveOptions = {}) {
  const collector = new RipeCollector(options);
  for (const [name, text] of Object.entries(files)) {
    const reader = collector.reader(name);
    reader.push(Buffer.from(text, "latin1"));
    reader.end();
  }
  const data = resolveReach(collector, options);
  return { collector, data, lookup: ReachLookup.of(data) };
}

/** An RPSL object from attribute pairs, as RIPE writes it (names padded to 16 columns). */
export const obj = (...pairs: [string, string][]) =>
  pairs.map(([n, v]) => `${`${n}:`.padEnd(16)}${v}`).join("\n") + "\n\n";

export const role = (handle: string, mailbox: string) =>
  obj(["role", `Abuse ${handle}`], ["nic-hdl", handle], ["abuse-mailbox", mailbox], ["source", "RIPE"]);
export const org = (handle: string, abuseC?: string) =>
  obj(
    ["organisation", handle],
    ["org-name", `Org ${handle}`],
    ...(abuseC ? [["abuse-c", abuseC] as [string, string]] : []),
  );
export const inetnum = (
  range: string,
  attrs: { abuseC?: string; org?: string; country?: string; netname?: string } = {},
) =>
  obj(
    ["inetnum", range],
    ["netname", attrs.netname ?? `NET-${range.split(" ")[0]}`],
    ["country", attrs.country ?? "BE"],
    ...(attrs.org ? [["org", attrs.org] as [string, string]] : []),
    ...(attrs.abuseC ? [["abuse-c", attrs.abuseC] as [string, string]] : []),
    ["status", "ASSIGNED PA"],
  );
