// A feed's schedule as staff choose it (only when asked, every day at a time, every N hours) and as the api
// takes it (five-field cron, in the CERT's time zone). Anything else stays cron, shown as it is.

export type ScheduleDraft = { mode: "manual" | "daily" | "hours" | "cron"; time: string; hours: number; cron: string };

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;
const HOURS = /^(\d{1,2}) \*\/(\d{1,2}) \* \* \*$/;
const pad = (n: number) => String(n).padStart(2, "0");

export function scheduleDraft(cron: string | null): ScheduleDraft {
  const draft: ScheduleDraft = { mode: "manual", time: "06:00", hours: 6, cron: cron ?? "" };
  if (!cron) return draft;
  const daily = DAILY.exec(cron);
  if (daily) return { ...draft, mode: "daily", time: `${pad(Number(daily[2]))}:${pad(Number(daily[1]))}` };
  const hours = HOURS.exec(cron);
  if (hours && hours[1] === "0") return { ...draft, mode: "hours", hours: Number(hours[2]) };
  return { ...draft, mode: "cron" };
}

/** The cron the api takes, or null for "only when asked". */
export function cronOf(d: ScheduleDraft): string | null {
  if (d.mode === "manual") return null;
  if (d.mode === "daily") {
    const [h, m] = d.time.split(":").map(Number);
    return `${m ?? 0} ${h ?? 0} * * *`;
  }
  if (d.mode === "hours") return `0 */${d.hours} * * *`;
  return d.cron.trim() || null;
}

/** "every day at 06:00", "every 6 hours", "only when asked", or the cron itself. */
export function describeSchedule(cron: string | null): string {
  const d = scheduleDraft(cron);
  if (d.mode === "manual") return "only when asked";
  if (d.mode === "daily") return `every day at ${d.time}`;
  if (d.mode === "hours") return `every ${d.hours} hours`;
  return `cron ${d.cron}`;
}
