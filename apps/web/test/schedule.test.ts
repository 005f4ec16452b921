import { describe, expect, it } from "vitest";
import { cronOf, describeSchedule, scheduleDraft } from "../src/lib/schedule.ts";

describe("a feed's schedule in the console", () => {
  it("reads the api's cron as the choices staff see, and writes them back", () => {
    expect(scheduleDraft("0 6 * * *")).toMatchObject({ mode: "daily", time: "06:00" });
    expect(scheduleDraft("30 18 * * *")).toMatchObject({ mode: "daily", time: "18:30" });
    expect(scheduleDraft("0 */6 * * *")).toMatchObject({ mode: "hours", hours: 6 });
    expect(scheduleDraft("0 6 * * 1-5")).toMatchObject({ mode: "cron", cron: "0 6 * * 1-5" });
    expect(scheduleDraft(null)).toMatchObject({ mode: "manual" });
    for (const cron of ["0 6 * * *", "30 18 * * *", "0 */6 * * *", "0 6 * * 1-5", null]) {
      expect(cronOf(scheduleDraft(cron))).toBe(cron);
    }
    expect(describeSchedule("5 7 * * *")).toBe("every day at 07:05");
    expect(describeSchedule(null)).toBe("only when asked");
  });
});
