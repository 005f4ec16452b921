import { describe, expect, it } from "vitest";
import { checkFormToken, checkThanksKey, issueFormToken, thanksKey } from "../../src/index.ts";

const SECRET = "a test secret that is long enough to use";
const at = (iso: string) => new Date(iso);
const REPORT = { purpose: "report-form" } as const;
const opts = (now: string) => ({ ...REPORT, now: at(now), minSeconds: 3, maxSeconds: 3600 });

describe("form token", () => {
  const token = issueFormToken(SECRET, REPORT, at("2026-11-23T10:00:00Z"));

  it("passes after the minimum fill time and carries a nonce", () => {
    const check = checkFormToken(SECRET, token, opts("2026-11-23T10:00:05Z"));
    expect(check.status).toBe("ok");
    expect(check.status === "ok" && check.nonce.length).toBeGreaterThan(10);
  });

  it("refuses too fast, expired, altered, foreign and missing tokens", () => {
    expect(checkFormToken(SECRET, token, opts("2026-11-23T10:00:01Z")).status).toBe("too-fast");
    expect(checkFormToken(SECRET, token, opts("2026-11-23T11:00:01Z")).status).toBe("expired");
    const [ts, nonce, mac] = token.split(".");
    const older = (parseInt(ts!, 36) - 60_000).toString(36);
    expect(checkFormToken(SECRET, `${older}.${nonce}.${mac}`, opts("2026-11-23T10:00:05Z")).status).toBe("invalid");
    expect(checkFormToken("another secret, also long enough", token, opts("2026-11-23T10:00:05Z")).status).toBe(
      "invalid",
    );
    expect(checkFormToken(SECRET, undefined, opts("2026-11-23T10:00:05Z")).status).toBe("invalid");
  });

  it("has no minimum when the minimum is 0", () => {
    expect(
      checkFormToken(SECRET, token, { ...REPORT, now: at("2026-11-23T10:00:00Z"), minSeconds: 0, maxSeconds: 60 })
        .status,
    ).toBe("ok");
  });

  it("binds a token to its purpose and subject: one link's form cannot be posted to another link or form", () => {
    const owner = { purpose: "owner-form", subject: "link-a" } as const;
    const t = issueFormToken(SECRET, owner, at("2026-11-23T10:00:00Z"));
    const check = (binding: { purpose: "owner-form" | "report-form"; subject?: string }) =>
      checkFormToken(SECRET, t, { ...binding, now: at("2026-11-23T10:00:01Z"), minSeconds: 0, maxSeconds: 60 }).status;
    expect(check(owner)).toBe("ok");
    expect(check({ ...owner, subject: "link-b" })).toBe("invalid");
    expect(check({ purpose: "report-form" })).toBe("invalid");
    expect(check({ purpose: "report-form", subject: "link-a" })).toBe("invalid");
  });

  it("keys the confirmation page to one reference", () => {
    const key = thanksKey(SECRET, "CERT-2026-000001");
    expect(checkThanksKey(SECRET, "CERT-2026-000001", key)).toBe(true);
    expect(checkThanksKey(SECRET, "CERT-2026-000002", key)).toBe(false);
    expect(checkThanksKey(SECRET, "CERT-2026-000001", undefined)).toBe(false);
  });
});
