import { get, query } from "./http.ts";
import { arr, num, obj, str, strOrNull } from "./read.ts";
import type { AuditEvent } from "./types.ts";

export type AuditFilter = {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  before?: number;
  limit?: number;
};

export async function listAuditEvents(filter: AuditFilter): Promise<AuditEvent[]> {
  const answer = await get<unknown>(`/api/audit${query(filter)}`);
  return arr(answer, "events").map((raw) => {
    const o = obj(raw);
    return {
      id: num(o.id),
      at: str(o.at),
      actor: strOrNull(o.actor),
      action: str(o.action),
      subjectType: str(o.subjectType),
      subjectId: strOrNull(o.subjectId),
      details: o.details ?? null,
      ip: strOrNull(o.ip),
    };
  });
}
