/**
 * The indexes 0..count-1 ordered by `key` (an unsigned 32-bit number each), then by `tie`: a counting
 * sort on the key's top 16 bits into one Uint32Array (4 bytes an index, nothing else of that size), then
 * each bucket sorted with the comparator. V8 sorts a typed array with a comparator through a copy in its
 * heap (16 bytes an element: more than 70 MB for 4.5 M ranges), so the comparator only ever sees one
 * bucket: the ranges of one /16 (IPv4).
 */
export function sortIndexes(
  count: number,
  key: (i: number) => number,
  tie: (a: number, b: number) => number,
): Uint32Array {
  const starts = new Uint32Array(65537);
  for (let i = 0; i < count; i++) starts[(key(i) >>> 16) + 1]!++;
  for (let b = 1; b <= 65536; b++) starts[b]! += starts[b - 1]!;
  const out = new Uint32Array(count);
  const fill = starts.slice(0, 65536);
  for (let i = 0; i < count; i++) out[fill[key(i) >>> 16]!++] = i;
  const compare = (a: number, b: number) => key(a) - key(b) || tie(a, b);
  for (let b = 0; b < 65536; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from < 2) continue;
    const bucket = Array.from(out.subarray(from, to)).sort(compare);
    out.set(bucket, from);
  }
  return out;
}
