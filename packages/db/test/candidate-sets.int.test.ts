import { loadConfig } from "@baken/config";
import type { MatchResult } from "@baken/core";
import { createDb, type Db } from "@baken/db";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CandidateSets } from "../src/lists/candidate-sets.ts";

const config = loadConfig(process.env);
let db: Db;
beforeAll(() => {
  db = createDb(config.databaseUrl, { max: 2 });
});
afterAll(() => db.close());

const result = (organizationId: string, detail: string): MatchResult => ({
  organizationId,
  reason: "network",
  candidates: [{ organizationId, reason: "network", detail }],
});

describe("candidate lists met while matching", () => {
  it("are saved as they accumulate and never held twice", async () => {
    const org = randomUUID();
    const sets = new CandidateSets();
    const digests = new Set<string>();
    for (let i = 0; i < 12_000; i++) {
      digests.add(sets.digestOf(result(org, `198.18.${i >> 8}.${i & 255}/32`))!);
      if (sets.pending >= 5_000) await sets.save(db.pool);
    }
    expect(sets.pending).toBe(2_000);
    // The same lists again, as new result objects (the matcher's cache was cleared): nothing new to save.
    for (let i = 0; i < 12_000; i += 7) sets.digestOf(result(org, `198.18.${i >> 8}.${i & 255}/32`));
    expect(sets.pending).toBe(2_000);
    await sets.save(db.pool);
    expect(sets.pending).toBe(0);

    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM candidate_set WHERE digest = ANY($1::text[]) AND candidates->0->>'organizationId' = $2`,
      [[...digests], org],
    );
    expect(digests.size).toBe(12_000);
    expect(rows[0]!.n).toBe(12_000);
  });
});
