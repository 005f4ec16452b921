import { createHash } from "node:crypto";

/**
 * A report id in UUID v4 form derived from `seed` (a notice reference and a host): composing the same notice
 * again (a retried job, a resend after a crash) gives the same ids, so a receiver that files reports by id
 * files a repeated mail once. The version and variant bits are set as v4's; the other 122 bits are SHA-256's.
 */
export function xarfReportId(seed: string): string {
  const b = createHash("sha256").update(`baken-xarf-report:${seed}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
