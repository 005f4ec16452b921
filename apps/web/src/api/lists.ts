// Exposure lists (issue 3): upload, summaries, exposures, errors, assignment.
import { get, normaliseDetails, post, query, upload, type UploadProgress } from "./http.ts";
import { arr, first, num, numOrNull, obj, orgRef, str, strOrNull, tlp, type Raw } from "./read.ts";
import type {
  AssignInput,
  Candidate,
  Exposure,
  ListDetail,
  ListSummary,
  MatchReason,
  Page,
  Tlp,
  UploadResult,
} from "./types.ts";

export type UploadInput = { file: File; source?: string; campaignId?: string; tlp?: Tlp };

export function uploadList(input: UploadInput, onProgress: (p: UploadProgress) => void) {
  const form = new FormData();
  // Fields before the file: a streaming parser reads them before it reaches the (large) file part.
  if (input.source) form.append("source", input.source);
  if (input.campaignId) form.append("campaignId", input.campaignId);
  if (input.tlp) form.append("tlp", input.tlp);
  form.append("file", input.file, input.file.name);
  const { promise, abort } = upload<unknown>("/api/lists", form, onProgress);
  return { promise: promise.then(uploadResult), abort };
}

export function uploadResult(raw: unknown): UploadResult {
  const o = obj(raw);
  return {
    id: str(o.id),
    rows: num(o.rows),
    accepted: num(o.accepted),
    rejected: num(o.rejected),
    duplicates: num(o.duplicates),
    errors: normaliseDetails(o.errors),
  };
}

function summary(o: Raw): ListSummary {
  return {
    id: str(o.id),
    fileName: str(first(o, "fileName", "filename", "name")) || "(unnamed)",
    source: strOrNull(o.source),
    format: strOrNull(o.format),
    rows: num(first(o, "rows", "rowCount")),
    accepted: num(first(o, "accepted", "acceptedCount")),
    rejected: num(first(o, "rejected", "rejectedCount")),
    duplicates: num(first(o, "duplicates", "duplicateCount")),
    tlp: tlp(o.tlp) ?? "AMBER",
    campaign: orgRef(o.campaign ?? { id: o.campaignId, name: o.campaignName ?? "" }),
    createdAt: str(o.createdAt),
    matchedAt: strOrNull(o.matchedAt),
  };
}

/** Lists carry a campaign id only: the campaigns' names are looked up once for all of them. */
async function campaignNames(): Promise<Map<string, string>> {
  const answer = await get<unknown>("/api/campaigns?limit=500").catch(() => []);
  return new Map(arr(answer, "campaigns", "items").map((c) => [str(obj(c).id), str(obj(c).name)]));
}

function named<T extends ListSummary>(list: T, names: Map<string, string>): T {
  return list.campaign
    ? { ...list, campaign: { ...list.campaign, name: names.get(list.campaign.id) ?? list.campaign.name } }
    : list;
}

export async function listLists(filter: { campaignId?: string } = {}): Promise<ListSummary[]> {
  const [answer, names] = await Promise.all([
    get<unknown>(`/api/lists${query({ pageSize: 200, ...filter })}`),
    campaignNames(),
  ]);
  return arr(answer, "lists", "items").map((raw) => named(summary(obj(raw)), names));
}

export async function getList(id: string): Promise<ListDetail> {
  const [raw, names] = await Promise.all([get<unknown>(`/api/lists/${encodeURIComponent(id)}`), campaignNames()]);
  return named(listDetail(obj(raw)), names);
}

function listDetail(o: Raw): ListDetail {
  // The match summary may sit beside the list's fields or under `summary` / `match`.
  const m = { ...o, ...obj(o.summary), ...obj(o.match) };
  const reasons = obj(first(m, "reasons", "byReason", "perReason", "matchReasons"));
  return {
    ...summary(o),
    matched: num(m.matched),
    unmatched: num(m.unmatched),
    reasons: Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, num(v)])) as Partial<
      Record<MatchReason, number>
    >,
    organizations: arr(m.organizations)
      .map((raw) => {
        const r = obj(raw);
        const ref = orgRef(r.organization ?? r, r.organizationId, r.name);
        return ref ? { ...ref, hosts: num(first(r, "hosts", "count", "exposures")) } : null;
      })
      .filter((x): x is ListDetail["organizations"][number] => x !== null)
      .sort((a, b) => b.hosts - a.hosts),
  };
}

function exposure(o: Raw): Exposure {
  const organization = o.organization ? orgRef(o.organization) : null;
  return {
    id: num(o.id),
    line: numOrNull(o.line),
    ip: strOrNull(o.ip),
    port: numOrNull(o.port),
    protocol: strOrNull(o.protocol),
    hostname: strOrNull(o.hostname),
    seenAt: strOrNull(o.seenAt),
    organization,
    matchReason: (strOrNull(o.matchReason) as MatchReason | null) ?? null,
    candidates: arr(o.candidates).map((raw): Candidate => {
      const c = obj(raw);
      const org = obj(c.organization);
      return {
        organizationId: str(c.organizationId ?? org.id),
        organizationName: strOrNull(c.organizationName ?? org.name),
        reason: str(c.reason),
        detail: strOrNull(c.detail),
      };
    }),
  };
}

export type ExposureFilter = { matched?: boolean; organizationId?: string; page?: number };

export async function listExposures(listId: string, filter: ExposureFilter): Promise<Page<Exposure>> {
  const answer = await get<unknown>(`/api/lists/${encodeURIComponent(listId)}/exposures${query(filter)}`);
  const o = obj(answer);
  return {
    items: arr(answer, "exposures", "items").map((raw) => exposure(obj(raw))),
    total: numOrNull(first(o, "total", "count")),
    page: num(o.page) || filter.page || 1,
    pageSize: numOrNull(first(o, "pageSize", "limit")),
  };
}

export async function listErrors(listId: string) {
  return normaliseDetails(
    arr(await get<unknown>(`/api/lists/${encodeURIComponent(listId)}/errors`), "errors", "items"),
  );
}

export async function assignExposures(listId: string, input: AssignInput): Promise<{ assigned: number }> {
  const body: Record<string, unknown> = { organizationId: input.organizationId, exposureIds: input.exposureIds };
  if (input.registerNetwork) body.registerNetwork = input.registerNetwork;
  if (input.registerDomain) body.registerDomain = input.registerDomain;
  const o = obj(await post<unknown>(`/api/lists/${encodeURIComponent(listId)}/assign`, body));
  return { assigned: num(first(o, "changed", "assigned", "updated", "count")) };
}

export const rematchList = (listId: string) => post<unknown>(`/api/lists/${encodeURIComponent(listId)}/rematch`);
