import { describe, expect, it } from "vitest";
import { niceMax } from "../src/components/progress-chart.tsx";
import { matchPath } from "../src/lib/router.tsx";

describe("console paths", () => {
  it("matches patterns and decodes parameters", () => {
    expect(matchPath("/lists/:id", "/lists/1a2b")).toEqual({ id: "1a2b" });
    expect(matchPath("/campaigns/:id/progress", "/campaigns/a%20b/progress")).toEqual({ id: "a b" });
    expect(matchPath("/campaigns/:id", "/campaigns/a/progress")).toBeNull();
    expect(matchPath("/lists", "/lists/")).toEqual({});
    expect(matchPath("/lists", "/organizations")).toBeNull();
  });
});

describe("chart axis", () => {
  it("rounds the top of the axis up to a round number", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(1170)).toBe(2000);
    expect(niceMax(400)).toBe(500);
    expect(niceMax(100)).toBe(100);
  });
});
