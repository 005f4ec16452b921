import { call } from "./http.ts";
import type { AuditEvent, AuditFilter } from "./types.ts";

export async function listAuditEvents(filter: AuditFilter): Promise<AuditEvent[]> {
  return (await call("get", "/api/audit/", { query: filter })).events;
}
