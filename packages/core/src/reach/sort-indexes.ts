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

/**
 * Rows of `width` 32-bit words each (an address: 1 for IPv4, 4 for IPv6) ordered by those words, then by
 * `tie`. The key is the first word in which rows differ: every IPv6 prefix of a test dump shares its
 * first word (2001:db8), and keyed on it they would all fall into one bucket.
 */
export function sortByWords(
  count: number,
  width: number,
  word: (row: number, k: number) => number,
  tie: (a: number, b: number) => number,
): Uint32Array {
  let lead = width - 1;
  find: for (let k = 0; k < width - 1; k++) {
    for (let i = 1; i < count; i++) {
      if (word(i, k) !== word(0, k)) {
        lead = k;
        break find;
      }
    }
  }
  return sortIndexes(
    count,
    (i) => word(i, lead),
    (a, b) => {
      for (let k = lead + 1; k < width; k++) {
        const d = word(a, k) - word(b, k);
        if (d !== 0) return d;
      }
      return tie(a, b);
    },
  );
}
