import type { Language, ListedHost } from "@baken/core";
import type { NoticeReport } from "./view.ts";

// Dates in notices are written in the reader's language and in UTC (said so), since the mail is read in
// several countries and the scan data is in UTC.
const LOCALE: Record<Language, string> = { nl: "nl-BE", fr: "fr-BE", de: "de-DE", en: "en-GB" };

// Intl formatters are costly to build (about a millisecond each): one per language and style, reused.
const formatters = <T>(make: (locale: string) => T) =>
  Object.fromEntries(Object.entries(LOCALE).map(([l, locale]) => [l, make(locale)])) as Record<Language, T>;
const LONG_DATE = formatters((l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeZone: "UTC" }));
const DATE_TIME = formatters(
  (l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }),
);
const NUMBER = formatters((l) => new Intl.NumberFormat(l));

export const longDate = (language: Language, at: Date) => LONG_DATE[language].format(at);
export const dateTime = (language: Language, at: Date) => `${DATE_TIME[language].format(at)} UTC`;
export const count = (language: Language, n: number) => NUMBER[language].format(n);

/** "192.0.2.1:443 (mail.example.be)" */
export function hostLine(host: ListedHost): string {
  const ip = host.ip ? (host.ip.includes(":") && host.port != null ? `[${host.ip}]` : host.ip) : null;
  const where = [ip ?? host.hostname ?? "?", host.port != null ? `:${host.port}` : ""].join("");
  return host.ip && host.hostname ? `${where} (${host.hostname})` : where;
}

/**
 * "Vulnerable Exchange Server (scan_exchange), severity: critical; ...": what the reports the hosts were
 * seen in are, in the template's words; null when the hosts come from lists read by column names.
 */
export function reportsText(
  reports: NoticeReport[],
  severityWord: string,
  severities: Record<string, string>,
  colon = ": ",
) {
  if (reports.length === 0) return null;
  return reports
    .map((r) => {
      const name = r.type && r.type !== r.name ? `${r.name} (${r.type})` : r.name;
      return r.severity ? `${name}, ${severityWord}${colon}${severities[r.severity] ?? r.severity}` : name;
    })
    .join("; ");
}

/** Replaces {since} in advice text with the date in the reader's language. */
export const withSince = (language: Language, text: string, since: Date | null) =>
  since ? text.replaceAll("{since}", longDate(language, since)) : text;
