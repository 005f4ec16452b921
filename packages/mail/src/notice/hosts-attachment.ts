import { csvRow, type ListedHost } from "@baken/core";
import { strToU8, zipSync } from "fflate";

/** Above this many hosts the CSV travels zipped: mail relays and mailboxes cap message sizes. */
export const COMPRESS_ABOVE_HOSTS = 1000;

export const CSV_HEADER = ["ip", "port", "protocol", "hostname", "seen_at", "tag", "version", "severity"] as const;

export type HostsAttachment = { filename: string; contentType: string; content: Buffer; rows: string[][] };

/** The attachment's rows as the recipient will read them (also shown by the preview). */
export const hostRows = (hosts: readonly ListedHost[]): string[][] =>
  hosts.map((h) => [
    h.ip ?? "",
    h.port?.toString() ?? "",
    h.protocol ?? "",
    h.hostname ?? "",
    h.seenAt.toISOString(),
    h.tag ?? "",
    h.version ?? "",
    h.severity ?? "",
  ]);

/** baken-20261123-00000042.csv, or .zip holding that CSV above COMPRESS_ABOVE_HOSTS hosts. */
export function attachmentName(reference: string, hostCount: number): string {
  const base = `baken-${reference.replace(/^BAKEN#/, "").toLowerCase()}`;
  return `${base}.${hostCount > COMPRESS_ABOVE_HOSTS ? "zip" : "csv"}`;
}

export function hostsAttachment(reference: string, hosts: readonly ListedHost[]): HostsAttachment {
  const rows = hostRows(hosts);
  // A BOM so spreadsheet programs read the UTF-8 host names right; csvRow neutralises formulas.
  const csv = `\uFEFF${csvRow(CSV_HEADER)}${rows.map((r) => csvRow(r)).join("")}`;
  const filename = attachmentName(reference, hosts.length);
  if (hosts.length <= COMPRESS_ABOVE_HOSTS) {
    return { filename, contentType: "text/csv; charset=utf-8", content: Buffer.from(csv, "utf8"), rows };
  }
  const inner = filename.replace(/\.zip$/, ".csv");
  const zipped = zipSync({ [inner]: [strToU8(csv), { level: 6, mtime: new Date() }] });
  return { filename, contentType: "application/zip", content: Buffer.from(zipped), rows };
}
