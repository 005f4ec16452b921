import { describe, expect, it } from "vitest";
import {
  checkOwnerFormToken as checkFormToken,
  ownerFormToken as formToken,
  raisesFlag,
  stateAfterAnswer,
} from "../src/index.ts";

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

describe("form tokens", () => {
  const secret = "s".repeat(40);
  const now = 1_800_000_000_000;
  it("accepts the token issued for this link within its age", () => {
    const t = formToken(secret, "link", now - 1000);
    expect(checkFormToken(secret, "link", String(now - 1000), t, now, 3_600_000)).toBe(true);
  });
  it("refuses another link's token, an altered time, an old page and garbage", () => {
    const t = formToken(secret, "link", now - 1000);
    expect(checkFormToken(secret, "other", String(now - 1000), t, now, 3_600_000)).toBe(false);
    expect(checkFormToken(secret, "link", String(now - 999), t, now, 3_600_000)).toBe(false);
    const old = formToken(secret, "link", now - 7_200_000);
    expect(checkFormToken(secret, "link", String(now - 7_200_000), old, now, 3_600_000)).toBe(false);
    expect(checkFormToken(secret, "link", "soon", "x", now, 3_600_000)).toBe(false);
    expect(checkFormToken(secret, "link", undefined, undefined, now, 3_600_000)).toBe(false);
  });
});
