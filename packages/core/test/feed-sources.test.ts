import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError, feedScheduleProblem, feedSourceInputSchema, openSecret, sealSecret } from "../src/index.ts";

const KEY = "k".repeat(40);

describe("a feed's sealed credentials", () => {
  it("open with the key and the row they were sealed for, and hold no plaintext", () => {
    const id = randomUUID();
    const sealed = sealSecret(KEY, '{"apiKey":"abc","secret":"s3cret"}', id);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain("s3cret");
    expect(openSecret(KEY, sealed, id)).toBe('{"apiKey":"abc","secret":"s3cret"}');
    expect(sealSecret(KEY, "same", id)).not.toBe(sealSecret(KEY, "same", id));
  });

  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("bad_request");
      return (err as AppError).message;
    }
    throw new Error("not refused");
  };

  it("say which key is missing, refuse another row's, and refuse what was tampered with", () => {
    const id = randomUUID();
    const sealed = sealSecret(KEY, "secret", id);
    expect(refusal(() => openSecret("o".repeat(40), sealed, id))).toBe(
      "The stored credentials were sealed with another FEED_SECRET_KEY: restore that key, or enter the API key and secret again",
    );
    expect(refusal(() => openSecret(KEY, sealed, randomUUID()))).toMatch(/do not open/);
    const parts = sealed.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(refusal(() => openSecret(KEY, parts.join("."), id))).toMatch(/do not open/);
    expect(refusal(() => openSecret(KEY, "garbage", id))).toMatch(/unreadable/);
  });
});

describe("a feed's schedule", () => {
  it("takes cron's five fields, at most one pull an hour", () => {
    for (const ok of ["0 6 * * *", "30 */6 * * *", "0 6 * * 1-5", "15 6,18 1,15 * *", "0 0 * 1-12/3 0,7"]) {
      expect(feedScheduleProblem(ok), ok).toBeNull();
    }
    expect(feedScheduleProblem("* * * * *")).toMatch(/^the minute must be one number/);
    expect(feedScheduleProblem("*/5 6 * * *")).toMatch(/^the minute must be one number/);
    expect(feedScheduleProblem("0 6 * *")).toMatch(/^five fields/);
    expect(feedScheduleProblem("0 6 * * * *")).toMatch(/^five fields/);
    expect(feedScheduleProblem("0 24 * * *")).toBe("hour: 24 is outside 0-23");
    expect(feedScheduleProblem("0 6 0 * *")).toBe("day of the month: 0 is outside 1-31");
    expect(feedScheduleProblem("0 9-5 * * *")).toBe("hour: the range 9-5 runs backwards");
    expect(feedScheduleProblem("0 6 * JAN *")).toMatch(/^month: "JAN" is not a number/);
  });
});

describe("a feed source's settings", () => {
  const issues = (input: Record<string, unknown>) => {
    const r = feedSourceInputSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("needs Shadowserver's credentials, gives a push feed no schedule, and one rule per report type", () => {
    const ok = feedSourceInputSchema.parse({ kind: "shadowserver", name: " Daily ", apiKey: "k", secret: "s" });
    expect(ok).toMatchObject({
      name: "Daily",
      enabled: true,
      lookbackDays: 2,
      tlp: "AMBER",
      schedule: null,
      rules: [],
    });
    expect(issues({ kind: "shadowserver", name: "x", apiKey: "k" })).toEqual(["secret: Shadowserver's API needs it"]);
    expect(issues({ kind: "push", name: "x", schedule: "0 6 * * *" })).toEqual([
      "schedule: a push feed is not pulled: no schedule",
    ]);
    const campaignId = randomUUID();
    expect(
      issues({
        kind: "push",
        name: "x",
        rules: [
          { reportType: "scan_exchange", campaignId },
          { reportType: "SCAN_EXCHANGE", campaignId },
        ],
      }),
    ).toEqual(["rules.1: a rule for report type scan_exchange is given twice"]);
    expect(issues({ kind: "push", name: "x", reportTypes: ["scan exchange"] })).toEqual([
      "reportTypes.0: a report type as Shadowserver names it, e.g. scan_exchange",
    ]);
    expect(feedSourceInputSchema.parse({ kind: "push", name: "x", apiUrl: "https://a.example/api2" }).apiUrl).toBe(
      "https://a.example/api2/",
    );
  });
});
