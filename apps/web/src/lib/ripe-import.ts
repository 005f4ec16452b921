import type { RipeImport, RipeReport } from "../api/types.ts";
import { bytes, n } from "./format.ts";

/** Queued or running: the page follows it. */
export const isUnderway = (i: RipeImport) => i.status === "queued" || i.status === "running";

/**
 * Where a queued or running import is, for a progress bar: bytes read of all the files while they are read
 * (a gzipped file counts its stored bytes), then no figure while the contacts are resolved and written.
 */
export function importProgress(i: RipeImport): { value: number | null; max: number; text: string } | null {
  if (i.status === "queued") return { value: null, max: 1, text: "Queued: waiting for the worker" };
  if (i.status !== "running") return null;
  const { phase, bytesRead, bytesTotal, file } = i.progress;
  if (phase === "resolving") return { value: null, max: 1, text: "Files read; resolving each range's abuse contact" };
  if (phase === "writing") {
    return {
      value: null,
      max: 1,
      text: "Files read; resolving the contacts, writing the ranges and switching to them",
    };
  }
  if (bytesTotal && bytesRead !== undefined) {
    const share = Math.floor((bytesRead * 100) / bytesTotal);
    const reading = file ? `Reading ${file}: ` : "Reading: ";
    return {
      value: bytesRead,
      max: bytesTotal,
      text: `${reading}${bytes(bytesRead)} of ${bytes(bytesTotal)} (${share}%)`,
    };
  }
  return { value: null, max: 1, text: "Started: reading the files" };
}

/** "inetnum 300 · inet6num 60 · role 40": the types read, in the order RIPE lists its split files. */
export function objectCounts(report: RipeReport): string {
  const order = ["inetnum", "inet6num", "aut-num", "organisation", "role", "person"];
  const types = Object.keys(report.objects).sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const read = types.filter((t) => report.objects[t]! > 0);
  return read.length === 0 ? "none" : read.map((t) => `${t} ${n(report.objects[t])}`).join(" · ");
}

/**
 * Ranges (in the country scope) reaching an abuse contact, their own or a less specific range's, and
 * reaching nobody, IPv4 and IPv6 together.
 */
export function rangeReach(report: RipeReport): { withContact: number; inherited: number; without: number } {
  const { inetnum: a, inet6num: b } = report;
  return {
    withContact: a.withContact + a.inherited + b.withContact + b.inherited,
    inherited: a.inherited + b.inherited,
    without: a.without + b.without,
  };
}

/** "BE, LU" or "every country". */
export const countryScope = (countries: string[] | null) =>
  countries && countries.length > 0 ? countries.join(", ") : "every country";
