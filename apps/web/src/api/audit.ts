import { call } from "./http.ts";
import type { AuditEvent, AuditFilter } from "./types.ts";

export async function listAuditEvents(filter: AuditFilter): Promise<AuditEvent[]> {
  return (await call("get", "/api/audit/", { query: filter })).events;
}

/** The filtered trail as CSV, downloaded by the browser with the session cookie. */
export const exportUrl = (filter: Omit<AuditFilter, "limit" | "before">) =>
  `/api/audit/export.csv?${new URLSearchParams(filter as Record<string, string>)}`;
