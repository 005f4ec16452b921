import { describe, expect, it } from "vitest";
import { parseOwnerForm } from "../src/index.ts";

describe("parseOwnerForm", () => {
  it("reads one answer for all hosts, keeping the compromise finding only for patched", () => {
    expect(parseOwnerForm({ scope: "all", answer: "patched", compromise: "yes", comment: "  done  " })).toEqual({
      ok: true,
      form: { scope: "all", answer: "patched", compromise: "yes", comment: "done", betterContact: null },
    });
    const mitigated = parseOwnerForm({ scope: "all", answer: "mitigated", compromise: "yes" });
    expect(mitigated.ok && mitigated.form.scope === "all" && mitigated.form.compromise).toBe(null);
  });

  it("keeps a better contact only with a not-ours or false-positive answer", () => {
    const notOurs = parseOwnerForm({ scope: "all", answer: "not_ours", betterContact: "noc@other.example" });
    expect(notOurs.ok && notOurs.form.betterContact).toBe("noc@other.example");
    const patched = parseOwnerForm({ scope: "all", answer: "patched", betterContact: "noc@other.example" });
    expect(patched.ok && patched.form.betterContact).toBe(null);
  });

  it("asks for an answer when none or an unknown one is given", () => {
    expect(parseOwnerForm({ scope: "all" })).toEqual({
      ok: false,
      errors: [{ field: "answer", code: "answer_required" }],
    });
    expect(parseOwnerForm({ scope: "all", answer: "deleted" })).toEqual({
      ok: false,
      errors: [{ field: "answer", code: "answer_invalid" }],
    });
    expect(parseOwnerForm({ scope: "sideways", answer: "patched" })).toEqual({
      ok: false,
      errors: [{ field: "scope", code: "scope_invalid" }],
    });
  });

  it("reads per-host answers, skipping hosts left on 'no change'", () => {
    const parsed = parseOwnerForm({
      scope: "hosts",
      "answer-12": "patched",
      "compromise-12": "not_checked",
      "answer-7": "",
      "answer-3": "investigating",
      "comment-3": "looking",
    });
    expect(parsed).toEqual({
      ok: true,
      form: {
        scope: "hosts",
        betterContact: null,
        replies: [
          { hostId: 3, answer: "investigating", compromise: null, comment: "looking" },
          { hostId: 12, answer: "patched", compromise: "not_checked", comment: null },
        ],
      },
    });
  });

  it("refuses per-host details without an answer, repeated fields, long comments and odd host ids", () => {
    const parsed = parseOwnerForm({
      scope: "hosts",
      "answer-1": "patched",
      "comment-2": "which answer?",
      "answer-3": ["patched", "mitigated"],
      "answer-4": "patched",
      "comment-4": "x".repeat(2001),
      "answer-99999999999": "patched",
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { field: "answer-99999999999", code: "host_invalid" },
      { field: "answer-2", code: "answer_required", hostId: 2 },
      { field: "answer-3", code: "answer_invalid", hostId: 3 },
      { field: "comment-4", code: "comment_too_long", hostId: 4 },
    ]);
  });

  it("says so when no host was given an answer", () => {
    expect(parseOwnerForm({ scope: "hosts", "answer-1": "" })).toEqual({
      ok: false,
      errors: [{ field: "answer", code: "nothing_chosen" }],
    });
  });
});
