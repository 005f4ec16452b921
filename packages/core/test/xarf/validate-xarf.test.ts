import { describe, expect, it } from "vitest";
import { buildXarfReport, validateXarf } from "../../src/index.ts";
import { exchangeCampaign, exchangeHost, reporter } from "./fixtures.ts";

const valid = () => {
  const r = buildXarfReport({ reporter, campaign: exchangeCampaign, host: exchangeHost });
  if (!r.ok) throw new Error(r.reason);
  return structuredClone(r.report) as Record<string, unknown>;
};

describe("validateXarf (the vendored X-ARF v4 schemas with ajv)", () => {
  it("accepts a valid report", () => {
    expect(validateXarf(valid())).toEqual({ ok: true });
  });

  it("refuses a report without a field the type requires, naming it", () => {
    const { cve_id: _, ...report } = valid();
    expect(validateXarf(report)).toEqual({ ok: false, problems: [{ path: "/", message: "must have cve_id" }] });
  });

  it("refuses a field of the wrong form: format, pattern, range", () => {
    const check = (patch: Record<string, unknown>, path: string) => {
      const r = validateXarf({ ...valid(), ...patch });
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : r.problems.map((p) => p.path)).toContain(path);
    };
    check({ report_id: "not-a-uuid" }, "/report_id");
    check({ timestamp: "9 March 2021" }, "/timestamp");
    check({ tags: ["TLP:AMBER"] }, "/tags/0"); // tags are lower-case namespace:predicate
    check({ service_port: 70000 }, "/service_port");
    check({ cve_id: "CVE-21-1" }, "/cve_id");
    check({ xarf_version: "3.0.0" }, "/xarf_version");
    check({ reporter: { org: "CERT", contact: "cert@baken.example" } }, "/reporter");
  });

  it("refuses a category/type pair the schema does not define, and a type under another category", () => {
    expect(validateXarf({ ...valid(), type: "compromised" }).ok).toBe(false);
    expect(validateXarf({ ...valid(), category: "connection", type: "cve" }).ok).toBe(false);
  });

  it("refuses what is not a report at all", () => {
    expect(validateXarf(null).ok).toBe(false);
    expect(validateXarf({}).ok).toBe(false);
    expect(validateXarf("{}").ok).toBe(false);
  });
});
