import { KeySet, type MatchResult } from "@baken/core";
import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * The distinct candidate lists met while matching one batch of work, each named by the md5 of its JSON.
 * The matcher hands out one shared result object per distinct outcome, so naming a row's candidates is
 * one Map lookup; `save` stores the new lists (ON CONFLICT: lists are content-addressed and immutable).
 * Callers save every `pending` few thousand, and only digests are remembered, in flat memory.
 */
export class CandidateSets {
  // A bounded Map rather than a WeakMap: weak entries are ephemerons that only full collections clear.
  // The matcher keeps its results (up to 200,000) for the whole upload, so nearly every row is a hit.
  private byResult = new Map<MatchResult, string>();
  private known = new KeySet();
  private fresh = new Map<string, string>();

  /** Lists met but not saved yet. */
  get pending(): number {
    return this.fresh.size;
  }

  digestOf(result: MatchResult): string | null {
    if (result.candidates.length === 0) return null;
    let digest = this.byResult.get(result);
    if (digest === undefined) {
      const json = JSON.stringify(result.candidates);
      digest = createHash("md5").update(json).digest("hex");
      if (this.byResult.size >= 200_000) this.byResult.clear();
      this.byResult.set(result, digest);
      if (this.known.add(digest)) this.fresh.set(digest, json);
    }
    return digest;
  }

  async save(client: Pick<pg.PoolClient, "query">): Promise<void> {
    if (this.fresh.size === 0) return;
    await client.query(
      `INSERT INTO "candidate_set" ("digest", "candidates") SELECT d, c::jsonb FROM unnest($1::text[], $2::text[]) AS t(d, c)
       ON CONFLICT ("digest") DO NOTHING`,
      [[...this.fresh.keys()], [...this.fresh.values()]],
    );
    this.fresh.clear();
  }
}
