import { finish, STEP_ROWS, type Steps } from "../steps.ts";

/** A bucket larger than this is split again by the key's low 16 bits before the comparator sees it. */
const LARGE_BUCKET = 4_096;

/**
 * The indexes 0..count-1 ordered by `key` (an unsigned 32-bit number each), then by `tie`: a counting
 * sort on the key's top 16 bits into one Uint32Array (4 bytes an index, nothing else of that size), large
 * buckets split again on its low 16 bits, then each bucket sorted with the comparator. V8 sorts a typed array
 * with a comparator through a copy in its heap (16 bytes an element: more than 70 MB for 4.5 M ranges), and
 * one such sort cannot be cut into steps, so the comparator only ever sees small buckets: RIPE's IPv6
 * prefixes share a handful of top 16 bits (2a00..2a14), buckets of hundreds of thousands on those alone.
 */
function* sortIndexes(
  count: number,
  key: (i: number) => number,
  tie: (a: number, b: number) => number,
): Steps<Uint32Array> {
  const out = new Uint32Array(count);
  const starts = yield* countingSort(
    out,
    0,
    count,
    (i) => i,
    (i) => key(i) >>> 16,
  );
  const compare = (a: number, b: number) => key(a) - key(b) || tie(a, b);
  let sorted = 0;
  for (let b = 0; b < 65536; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from < 2) continue;
    if (to - from <= LARGE_BUCKET) sortRange(out, from, to, compare);
    else {
      const rows = out.slice(from, to);
      const low = yield* countingSort(
        out,
        from,
        to - from,
        (k) => rows[k]!,
        (i) => key(i) & 0xffff,
      );
      for (let c = 0; c < 65536; c++) {
        if (low[c + 1]! - low[c]! < 2) continue;
        sortRange(out, from + low[c]!, from + low[c + 1]!, compare);
        sorted += low[c + 1]! - low[c]!;
        if (sorted >= STEP_ROWS) {
          sorted = 0;
          yield;
        }
      }
    }
    sorted += to - from;
    if (sorted >= STEP_ROWS) {
      sorted = 0;
      yield;
    }
  }
  return out;
}

/**
 * Writes rows `row(0..n-1)` into `out[from..from+n)` ordered by `digit` (0..65535), stable; returns where each
 * digit's rows start (relative to `from`), and at [65536] n.
 */
function* countingSort(
  out: Uint32Array,
  from: number,
  n: number,
  row: (k: number) => number,
  digit: (i: number) => number,
): Steps<Uint32Array> {
  const starts = new Uint32Array(65537);
  for (let k = 0; k < n; k++) {
    starts[digit(row(k)) + 1]!++;
    if ((k & (STEP_ROWS - 1)) === STEP_ROWS - 1) yield;
  }
  for (let b = 1; b <= 65536; b++) starts[b]! += starts[b - 1]!;
  const fill = starts.slice(0, 65536);
  for (let k = 0; k < n; k++) {
    const i = row(k);
    out[from + fill[digit(i)]!++] = i;
    if ((k & (STEP_ROWS - 1)) === STEP_ROWS - 1) yield;
  }
  return starts;
}

function sortRange(out: Uint32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  out.set(Array.from(out.subarray(from, to)).sort(compare), from);
}

/**
 * Rows of `width` 32-bit words each (an address: 1 for IPv4, 4 for IPv6) ordered by those words, then by
 * `tie`. The key is the first word in which rows differ: every IPv6 prefix of a test dump shares its
 * first word (2001:db8), and keyed on it they would all fall into one bucket.
 */
export const sortByWords = (...args: Parameters<typeof sortByWordsInSteps>): Uint32Array =>
  finish(sortByWordsInSteps(...args));

/** sortByWords in steps (see Steps). */
export function* sortByWordsInSteps(
  count: number,
  width: number,
  word: (row: number, k: number) => number,
  tie: (a: number, b: number) => number,
): Steps<Uint32Array> {
  if (yield* inOrder(count, width, word, tie)) {
    const identity = new Uint32Array(count);
    for (let i = 0; i < count; i++) identity[i] = i;
    return identity;
  }
  let lead = width - 1;
  find: for (let k = 0; k < width - 1; k++) {
    for (let i = 1; i < count; i++) {
      if (word(i, k) !== word(0, k)) {
        lead = k;
        break find;
      }
    }
  }
  return yield* sortIndexes(
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

/**
 * Whether the rows are already in order (the fallback's prefixes read back by their primary key): one
 * pass instead of a sort.
 */
function* inOrder(
  count: number,
  width: number,
  word: (row: number, k: number) => number,
  tie: (a: number, b: number) => number,
): Steps<boolean> {
  for (let i = 1; i < count; i++) {
    let d = 0;
    for (let k = 0; k < width && d === 0; k++) d = word(i - 1, k) - word(i, k);
    if (d > 0 || (d === 0 && tie(i - 1, i) > 0)) return false;
    if ((i & (STEP_ROWS - 1)) === 0) yield;
  }
  return true;
}
