import { domainToASCII } from "node:url";

// Value checks for one field each: a parsed value, or a message saying what is wrong.
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

// The bounds every reading of a value keeps, the general path here and the in-place path (plain-csv-row.ts).

/** Free text (protocol, tag, version, severity) is kept to this many characters: a column, not a document. */
export const MAX_TEXT_CHARS = 1000;
/** A DNS name's length and its labels' (RFC 1035). */
export const MAX_HOSTNAME_CHARS = 253;
export const MAX_LABEL_CHARS = 63;
export const MAX_PORT = 65535;
export const PORT_DIGITS = 5;
/** AS numbers are 32-bit (RFC 6793). */
export const MAX_ASN = 4294967295;
export const ASN_DIGITS = 10;
/** A row's time outside these years is a broken column (a counter, a mangled date), not a sighting. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/**
 * A DNS name, lower-case, without a trailing dot, internationalised names as punycode (xn--); null when
 * `input` is not one. Labels are 1-63 of [a-z0-9_-], not starting or ending with `-`; the last is not
 * all digits. One pass over the characters: it runs for nearly every row of a big scan.
 */
export function hostnameOf(input: string): string | null {
  let s = input;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 65 && c <= 90)) {
      s = s.trim().toLowerCase();
      if (/[^\x21-\x7e]/.test(s)) s = domainToASCII(s);
      break;
    }
  }
  if (s.charCodeAt(s.length - 1) === 46) s = s.slice(0, -1);
  if (s.length === 0 || s.length > MAX_HOSTNAME_CHARS) return null;
  let start = 0;
  let digitsOnly = true;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > MAX_LABEL_CHARS || s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) return null;
      start = i + 1;
      if (i < s.length) digitsOnly = true;
    } else if (c >= 48 && c <= 57) {
      continue;
    } else if ((c >= 97 && c <= 122) || c === 45 || c === 95) {
      digitsOnly = false;
    } else return null;
  }
  return digitsOnly ? null : s;
}

export function normaliseHostname(input: string): Checked<string> {
  const s = hostnameOf(input);
  if (s !== null) return { ok: true, value: s };
  const last = input.trim().replace(/\.$/, "").split(".").pop() ?? "";
  return /^\d+$/.test(last)
    ? { ok: false, message: `not a valid hostname or IP address: '${input}'` }
    : { ok: false, message: `not a valid hostname: '${input}'` };
}

/** The whole number in `input` (surrounding blanks allowed) if it has 1 to `maxDigits` digits, else -1. */
function wholeNumber(input: string, maxDigits: number): number {
  const s = input.trim();
  if (s.length === 0 || s.length > maxDigits) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The port number, or -1 when `input` is not 0-65535. */
export function portOf(input: string): number {
  const v = wholeNumber(input, PORT_DIGITS);
  return v > MAX_PORT ? -1 : v;
}

export function parsePort(input: string): Checked<number> {
  const v = portOf(input);
  return v < 0
    ? { ok: false, message: `port must be a whole number 0-${MAX_PORT}: '${input}'` }
    : { ok: true, value: v };
}

/** The AS number (`64512`, `AS64512`), or -1. */
export function asnOf(input: string): number {
  const s = input.trim();
  const v = wholeNumber(/^as/i.test(s) ? s.slice(2) : s, ASN_DIGITS);
  return v > MAX_ASN ? -1 : v;
}

export function parseAsn(input: string): Checked<number> {
  const v = asnOf(input);
  return v < 0 ? { ok: false, message: `not an AS number: '${input}'` } : { ok: true, value: v };
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * A moment in time: ISO 8601 / Shadowserver's `2021-03-09 06:00:00` (UTC when no zone is given), a date,
 * or Unix time in seconds or milliseconds. Years 1990-2100 only: anything else is a broken column.
 */
export function parseTimestamp(input: string): Checked<Date> {
  const fast = fastTimestamp(input);
  if (fast) return { ok: true, value: new Date(fast) };
  const s = input.trim();
  let date: Date | null = null;
  if (/^\d{9,10}$/.test(s)) date = new Date(Number(s) * 1000);
  else if (/^\d{12,13}$/.test(s)) date = new Date(Number(s));
  else {
    const m = DATE_TIME.exec(s);
    if (m) {
      const [, y, mo, d, h = "00", mi = "00", sec = "00", frac = "", zone = "Z"] = m;
      const z = /^(z|utc)$/i.test(zone) ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
      const ms = frac ? frac.slice(0, 4).padEnd(4, "0") : "";
      const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${ms}${z}`;
      const parsed = new Date(iso);
      // Date rolls 2021-02-30 over to March: compare back to refuse impossible dates.
      if (
        !Number.isNaN(parsed.getTime()) &&
        Number(mo) >= 1 &&
        Number(mo) <= 12 &&
        Number(d) <= 31 &&
        Number(h) < 24 &&
        Number(mi) < 60 &&
        Number(sec) < 61
      ) {
        const check = new Date(`${y}-${mo}-${d}T00:00:00Z`);
        if (check.getUTCDate() === Number(d)) date = parsed;
      }
    }
  }
  if (!date || Number.isNaN(date.getTime())) return { ok: false, message: `not a date and time: '${input}'` };
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return { ok: false, message: `date out of range (${FIRST_YEAR}-${LAST_YEAR}): '${input}'` };
  return { ok: true, value: date };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the parts name a real moment of 1990-2100 (no 30 February, no hour 24). */
export function validDateTime(y: number, mo: number, d: number, h: number, mi: number, sec: number): boolean {
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]!) return false;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return false;
  return !(mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

const digits = (s: string, at: number, n: number) => {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/**
 * `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS[Z]` read by hand: nearly every scan row's timestamp is
 * this, and the general path (regular expression, two Date objects) cost a quarter of a second per
 * 250,000 rows. Returns the ISO 8601 UTC text, or null for anything else (the general path decides).
 */
export function fastTimestamp(s: string): string | null {
  if ((s.length !== 19 && s.length !== 20) || (s.length === 20 && s.charCodeAt(19) !== 90)) return null;
  const sep = s.charCodeAt(10);
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (sep !== 32 && sep !== 84) ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return null;
  const ok = validDateTime(
    digits(s, 0, 4),
    digits(s, 5, 2),
    digits(s, 8, 2),
    digits(s, 11, 2),
    digits(s, 14, 2),
    digits(s, 17, 2),
  );
  return ok ? `${s.slice(0, 10)}T${s.slice(11, 19)}.000Z` : null;
}
