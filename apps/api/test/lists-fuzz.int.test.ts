import { Lcg } from "@baken/testing";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { counts } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

// The corpus, cut and mangled (seeded), through the whole upload: never a 500, and an upload refused
// stores nothing at all (no list, no exposure, no error row); one accepted stores exactly what it says.
const CORPUS = new URL("../../../packages/core/test/corpus/", import.meta.url);
const FILES = readdirSync(CORPUS).sort();
const CASES_PER_FILE = 8;

function rng(seed: number) {
  const lcg = new Lcg(seed);
  return () => lcg.next();
}

function mangle(original: Buffer, next: () => number): Buffer {
  const b = Buffer.from(original);
  if (next() < 0.4) return b.subarray(0, Math.floor(next() * b.length));
  for (let k = 1 + Math.floor(next() * 3); k > 0; k--) b[Math.floor(next() * b.length)] = Math.floor(next() * 256);
  return b;
}

describe("uploading broken files", () => {
  let app: App;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it(`answers ${FILES.length * CASES_PER_FILE} mangled corpus files with a 201 or a 4xx, storing nothing when refused`, async () => {
    const next = rng(13);
    for (const file of FILES) {
      const original = readFileSync(new URL(file, CORPUS));
      for (let k = 0; k < CASES_PER_FILE; k++) {
        const bytes = mangle(original, next);
        const before = await counts(app);
        const res = await uploadList(app, bearer(analyst), bytes, {}, file);
        expect([201, 400, 409, 413], `${file} #${k}: ${res.body}`).toContain(res.statusCode);
        const after = await counts(app);
        if (res.statusCode !== 201) {
          expect(after, `${file} #${k}`).toEqual(before);
          continue;
        }
        const body = res.json();
        expect(after.lists).toBe(before.lists + 1);
        expect(after.exposures - before.exposures).toBe(body.accepted - body.duplicates);
        expect(after.errors - before.errors).toBeGreaterThanOrEqual(body.rejected);
      }
    }
  });

  it("stores what PostgreSQL can hold: a NUL rejects its row, half a surrogate pair becomes U+FFFD", async () => {
    // Past the first 64 KB, where a NUL no longer says "binary file".
    const padding = Array.from({ length: 4_000 }, () => "198.51.100.1,padding padding").join("\n");
    const nul = await uploadList(app, bearer(analyst), `ip,note\n${padding}\n198.51.100.2,a\u0000b\n`);
    expect(nul.statusCode, nul.body).toBe(201);
    expect(nul.json()).toMatchObject({
      rejected: 1,
      errors: [{ line: 4_002, field: "note", message: "holds a NUL character" }],
    });
    const json = await uploadList(
      app,
      bearer(analyst),
      '[{"ip": "198.51.100.3", "note": "\\ud800 half", "\\udc00": "x"}]',
      {},
      "surrogates.json",
    );
    expect(json.statusCode, json.body).toBe(201);
    const [row] = (await app.inject({ url: `/api/lists/${json.json().id}/exposures`, headers: bearer(analyst) })).json()
      .exposures;
    expect(row.raw).toEqual({ note: "\ufffd half", "\ufffd": "x" });
  });
});
