// Axes of the console's charts: round value ticks and date ticks that stay readable from one day to a year.

/** Rounds the axis top up to 1, 2 or 5 times a power of ten, so ticks read as round numbers. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** Ticks from 0 to niceMax(max), whole numbers only (no "0.25 hosts"), at most `most` + 1 of them. */
export function valueTicks(max: number, most = 5): number[] {
  const top = niceMax(max);
  // Both are 1, 2 or 5 times a power of ten, so the step divides the top.
  const step = Math.max(1, niceMax(top / most));
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}

/** Every how many days a date is labelled: 1, 2, 7 (weekly), 14 or 30, so that at most `most` labels show. */
export function dateStep(dayCount: number, most = 8): number {
  return [1, 2, 7, 14, 30, 61, 91].find((s) => Math.ceil(dayCount / s) <= most) ?? 182;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-03" → "3 Nov" (with the year when asked: the first label, or a new year). */
export function dayLabel(day: string, withYear = false): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]}${withYear ? ` ${y}` : ""}`;
}
