const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const [INDEX, KEY] = LITTLE_ENDIAN ? [0, 1] : [1, 0];

/**
 * The indexes 0..count-1 ordered by `key` (an unsigned 32-bit number each), then by `tie`. A native sort of
 * 64-bit (key, index) pairs, in place, then a comparator sort of each run of equal keys only: V8 sorts a
 * typed array with a comparator through a copy of it in the JS heap (16 bytes an element, for 4.5 M
 * ranges more than 70 MB), so the comparator is kept to the few ranges that start at the same address.
 * Returns a view over the pairs' buffer (8 bytes an index).
 */
export function sortIndexes(
  count: number,
  key: (i: number) => number,
  tie: (a: number, b: number) => number,
): Uint32Array {
  const pairs = new BigUint64Array(count);
  const words = new Uint32Array(pairs.buffer);
  for (let i = 0; i < count; i++) {
    words[2 * i + INDEX] = i;
    words[2 * i + KEY] = key(i);
  }
  pairs.sort();
  // Compacted in place: index k is written at word k, after words 2k.. have been read.
  const out = words;
  let k = 0;
  while (k < count) {
    const runKey = words[2 * k + KEY]!;
    let end = k + 1;
    while (end < count && words[2 * end + KEY] === runKey) end++;
    if (end - k === 1) out[k] = words[2 * k + INDEX]!;
    else {
      const run: number[] = [];
      for (let j = k; j < end; j++) run.push(words[2 * j + INDEX]!);
      run.sort(tie);
      for (let j = 0; j < run.length; j++) out[k + j] = run[j]!;
    }
    k = end;
  }
  return new Uint32Array(pairs.buffer, 0, count);
}
