import { describe, expect, it } from "vitest";
import { dateStep, dayLabel, niceMax, valueTicks } from "../src/lib/chart-axes.ts";
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

describe("chart ticks", () => {
  it("puts whole-number ticks on the value axis", () => {
    expect(valueTicks(3)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueTicks(1170)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(valueTicks(0)).toEqual([0, 1]);
  });
  it("labels every day of a week, weekly over three months, and names the month", () => {
    expect(dateStep(1)).toBe(1);
    expect(dateStep(7)).toBe(1);
    expect(dateStep(28)).toBe(7);
    expect(dateStep(90)).toBe(14);
    expect(dayLabel("2026-11-03")).toBe("3 Nov");
    expect(dayLabel("2026-11-03", true)).toBe("3 Nov 2026");
  });
});
