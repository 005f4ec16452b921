import { Lcg } from "@baken/testing";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError, plainRowResult, readExposures, type ExposureRow } from "../src/index.ts";

// The readers against broken input: every corpus file cut short, and with bytes flipped, inserted or
// dropped at random (seeded: the same cases on every run). Whatever the bytes, reading ends quickly with
// rows and row errors or a 400 (AppError), never another exception; a CSV row is only ever taken whole
// (as many fields as the header); and JSON that is not well-formed is refused whole, no row taken from it.
const CORPUS = new URL("./corpus/", import.meta.url);
const FILES = readdirSync(CORPUS).sort();
const CASES_PER_FILE = 120;

function rng(seed: number) {
  const lcg = new Lcg(seed);
  return () => lcg.next();
}

function mutate(original: Buffer, next: () => number): Buffer {
  const b = Buffer.from(original);
  const at = () => Math.floor(next() * b.length);
  switch (Math.floor(next() * 4)) {
    case 0: // cut short
      return b.subarray(0, at());
    case 1: // flip bytes
      for (let k = 1 + Math.floor(next() * 4); k > 0; k--) b[at()] = Math.floor(next() * 256);
      return b;
    case 2: {
      // a structural character where it does not belong
      const i = at();
      return Buffer.concat([
        b.subarray(0, i),
        Buffer.from([`"{}[],;\t\n\\:`.charCodeAt(Math.floor(next() * 13))]),
        b.subarray(i),
      ]);
    }
    default: {
      const i = at();
      return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + Math.floor(next() * 8))]);
    }
  }
}

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Whether the text is well-formed JSON: one document, or a sequence of them (NDJSON), by JSON.parse alone. */
function wellFormed(text: string): boolean {
  let at = 0;
  let values = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at === text.length) return values > 0;
    let end = at + 1;
    while (end <= text.length && !parses(text.slice(at, end))) end++;
    if (end > text.length) return false;
    values++;
    at = end;
  }
}

async function read(bytes: Buffer, chunk: number, fileName: string) {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const rows: ExposureRow[] = [];
  try {
    const result = await readExposures(
      chunks(),
      {
        plain: (row) => rows.push(plainRowResult(row).row),
        row: (r) => (r.ok ? rows.push(r.row) : undefined),
        drain: async () => {},
      },
      { fileName },
    );
    return { result, rows, refusal: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { result: null, rows, refusal: err };
  }
}

describe("the readers, fed broken files", () => {
  for (const [n, file] of FILES.entries()) {
    it(`${file}: ${CASES_PER_FILE} cut or mangled copies end in rows or a 400, never a crash or a hang`, async () => {
      const original = readFileSync(new URL(file, CORPUS));
      const next = rng(2026 + n);
      const json = /\.json$/.test(file);
      for (let k = 0; k < CASES_PER_FILE; k++) {
        const bytes = mutate(original, next);
        const { result, rows, refusal } = await read(bytes, 1 + Math.floor(next() * 64), file);
        if (json && !wellFormed(bytes.toString("utf8").replace(/^\uFEFF/, ""))) {
          expect(refusal, `case ${k}: malformed JSON read`).not.toBeNull();
        }
        if (result?.format === "csv") {
          for (const row of rows)
            expect(row.record.length, `case ${k}, line ${row.line}`).toBe(row.layout.columns.length);
        }
      }
    });
  }
});
