// A <input type="datetime-local"> sends a wall-clock time with no zone ("2026-03-29T02:30"). Reporters
// mean the CERT's local time, so it is read in the configured time zone, summer time included.

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * Parses "YYYY-MM-DDTHH:MM[:SS]", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" (midnight) as a wall-clock time in
 * `timeZone`. Returns null for anything else, including dates that do not exist (2026-02-30).
 */
export function parseWallTime(value: string, timeZone: string): Date | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const guess = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour > 23 || minute > 59 || second > 59)
    return null;
  const first = zoneOffsetMs(guess, timeZone);
  const second_ = zoneOffsetMs(guess - first, timeZone);
  return new Date(guess - second_);
}

/** The value a datetime-local input shows for `date` in `timeZone` ("2026-11-23T14:05"). */
export function toWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
