// A feed's schedule: a cron expression of five fields (minute hour day-of-month month day-of-week), read in
// CERT_TIME_ZONE, as BullMQ's job scheduler takes it. Only the forms below, and at most one pull an hour
// (the minute is one number): Shadowserver publishes daily, and a typo such as "* * * * *" would otherwise
// ask its API every minute.

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of the month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of the week", min: 0, max: 7 },
] as const;

const NUMBER = /^\d+$/;
const PART = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/;

function partProblem(part: string, f: (typeof FIELDS)[number]): string | null {
  const m = PART.exec(part);
  if (!m) return `"${part}" is not a number, a range (1-5), * or a step (*/6)`;
  const [lo, hi] = m[1] === "*" ? [f.min, f.max] : m[1]!.split("-").map(Number);
  const step = m[2] === undefined ? 1 : Number(m[2]);
  const out = [lo!, hi ?? lo!].find((v) => v < f.min || v > f.max);
  if (out !== undefined) return `${out} is outside ${f.min}-${f.max}`;
  if (hi !== undefined && hi < lo!) return `the range ${m[1]} runs backwards`;
  if (step < 1) return "a step must be 1 or more";
  return null;
}

/** Null when `cron` is a schedule a feed may have, else what is wrong with it (for a 400 naming the field). */
export function feedScheduleProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return "five fields: minute hour day-of-month month day-of-week (e.g. 0 6 * * * for 06:00 daily)";
  if (!NUMBER.test(fields[0]!)) return "the minute must be one number (at most one pull an hour), e.g. 0 6 * * *";
  for (const [i, field] of fields.entries()) {
    for (const part of field.split(",")) {
      const problem = partProblem(part, FIELDS[i]!);
      if (problem) return `${FIELDS[i]!.name}: ${problem}`;
    }
  }
  return null;
}
