import { KeySet, MATCH_CACHE_SIZE, type MatchResult } from "@baken/core";
import { hash } from "node:crypto";
import { sqlOf, type Conn, type Sql } from "../transaction.ts";

/**
 * Candidate lists kept unsaved before the upload saves them (on another connection, between chunks): a few
 * thousand make one cheap INSERT, and holding a million-row scan's lists until the end cost ~100 MB of heap.
 */
export const SAVE_CANDIDATE_SETS_AT = 5_000;

/**
 * The distinct candidate lists met while matching one batch of work, each named by the md5 of its JSON.
 * The matcher hands out one shared result object per distinct outcome, so naming a row's candidates is
 * one Map lookup; `save` stores the new lists (ON CONFLICT: lists are content-addressed and immutable).
 * Callers save every `pending` few thousand, and only digests are remembered, in flat memory.
 */
export class CandidateSets {
  // A bounded Map rather than a WeakMap: weak entries are ephemerons that only full collections clear.
  // Bounded as the matcher's own cache, whose results it is keyed by: nearly every row is a hit.
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
      // One-shot: a Hash object per list cost as much again (a range of its own per list, tens of thousands).
      digest = hash("md5", json, "hex");
      if (this.byResult.size >= MATCH_CACHE_SIZE) this.byResult.clear();
      this.byResult.set(result, digest);
      if (this.known.add(digest)) this.fresh.set(digest, json);
    }
    return digest;
  }

  /** Stores the lists met since the last save: in the caller's transaction, or on a connection of their own. */
  async save(to: Conn | Sql): Promise<void> {
    if (this.fresh.size === 0) return;
    await sqlOf(to).query(
      `INSERT INTO "candidate_set" ("digest", "candidates") SELECT d, c::jsonb FROM unnest($1::text[], $2::text[]) AS t(d, c)
       ON CONFLICT ("digest") DO NOTHING`,
      [[...this.fresh.keys()], [...this.fresh.values()]],
    );
    this.fresh.clear();
  }
}
