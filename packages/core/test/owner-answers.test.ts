import { describe, expect, it } from "vitest";
import { raisesFlag, stateAfterAnswer } from "../src/index.ts";

describe("stateAfterAnswer", () => {
  it("closes a host on a fix, disowns it on not-ours or false positive, keeps it open otherwise", () => {
    expect(stateAfterAnswer("notified", "patched", true)).toBe("remediated");
    expect(stateAfterAnswer("notified", "mitigated", true)).toBe("remediated");
    expect(stateAfterAnswer("notified", "not_ours", true)).toBe("not_ours");
    expect(stateAfterAnswer("remediated", "false_positive", true)).toBe("not_ours");
    expect(stateAfterAnswer("remediated", "investigating", true)).toBe("notified");
    expect(stateAfterAnswer("not_ours", "needs_help", true)).toBe("notified");
    expect(stateAfterAnswer("open", "investigating", false)).toBe("open");
  });

  it("never moves a host out of gone: the scan outranks the claim", () => {
    expect(stateAfterAnswer("gone", "investigating", true)).toBe("gone");
    expect(stateAfterAnswer("gone", "patched", true)).toBe("gone");
  });
});

describe("raisesFlag", () => {
  it("flags compromise found on a patched host and every call for help", () => {
    expect(raisesFlag("patched", "yes")).toBe(true);
    expect(raisesFlag("needs_help", null)).toBe(true);
    expect(raisesFlag("patched", "no")).toBe(false);
    expect(raisesFlag("patched", "not_checked")).toBe(false);
    expect(raisesFlag("mitigated", "yes")).toBe(false);
  });
});
