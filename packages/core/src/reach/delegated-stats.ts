/**
 * The ASNs a RIR delegated to the given countries, from its statistics file in the RIR statistics
 * exchange format (RIPE's `delegated-ripencc-latest` or `-extended-latest`):
 * `registry|cc|type|start|value|date|status[|opaque-id]`, `type` asn, `value` the number of ASNs from
 * `start`. aut-num objects carry no country, so this is how intelmq-certbund-contact scopes ASNs to a
 * country (its `--ripe-delegated-file`). The version line, summary lines (`*` in cc) and comments are
 * skipped. Returns inclusive [first, last] ranges.
 */
export function delegatedAsns(text: string, countries: readonly string[]): [number, number][] {
  const wanted = new Set(countries.map((c) => c.toUpperCase()));
  const out: [number, number][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const f = line.split("|");
    if (f[2] !== "asn" || !wanted.has((f[1] ?? "").toUpperCase())) continue;
    const start = Number(f[3]);
    const count = Number(f[4]);
    if (!Number.isInteger(start) || !Number.isInteger(count) || count < 1) continue;
    out.push([start, start + count - 1]);
  }
  return out;
}
