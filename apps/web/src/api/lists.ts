// Exposure lists (issue 3): upload, summaries, exposures, errors, assignment.
import { get, normaliseDetails, post, query, upload, type UploadProgress } from "./http.ts";
import { arr, bool, first, num, numOrNull, obj, oneOf, orgRef, str, strOrNull, tlp, type Raw } from "./read.ts";
import {
  COLUMN_ROLES,
  type AssignInput,
  type Candidate,
  type Exposure,
  type ListDetail,
  type ListPreview,
  type ListReport,
  type ListSummary,
  type MatchReason,
  type Page,
  type Tlp,
  type UploadResult,
} from "./types.ts";

/** How to read the file: the analyst's column roles (`ignore` keeps a column as data). */
export type ReadInput = { file: File; columns?: Record<string, string> };
export type UploadInput = ReadInput & { source?: string; campaignId?: string; tlp?: Tlp };

/** The form's fields before the file: reportType and columns must come first, they change how it is read. */
function uploadForm(input: ReadInput & Partial<UploadInput>, file: Blob) {
  const form = new FormData();
  if (input.columns && Object.keys(input.columns).length > 0) form.append("columns", JSON.stringify(input.columns));
  if (input.source) form.append("source", input.source);
  if (input.campaignId) form.append("campaignId", input.campaignId);
  if (input.tlp) form.append("tlp", input.tlp);
  form.append("file", file, input.file.name);
  return form;
}

export function uploadList(input: UploadInput, onProgress: (p: UploadProgress) => void) {
  const { promise, abort } = upload<unknown>("/api/lists", uploadForm(input, input.file), onProgress);
  return { promise: promise.then(uploadResult), abort };
}

/** The preview reads only a file's beginning: the first 256 KB are sent, not a whole 100 MB report. */
const PREVIEW_BYTES = 256 * 1024;

export async function previewList(input: ReadInput): Promise<ListPreview> {
  const form = uploadForm(input, input.file.slice(0, PREVIEW_BYTES));
  const o = obj(await post<unknown>("/api/lists/preview", form));
  const problem = obj(o.problem);
  return {
    ...report(o),
    format: strOrNull(o.format),
    delimiter: strOrNull(o.delimiter),
    kind: strOrNull(o.kind),
    reportTypeCandidates: arr(o.reportTypeCandidates).map(str),
    columns: arr(o.columns).map((raw) => {
      const c = obj(raw);
      return { name: str(c.name), role: oneOf(COLUMN_ROLES, c.role, null), by: strOrNull(c.by) };
    }),
    rows: arr(o.rows).map((raw) => {
      const r = obj(raw);
      return {
        line: num(r.line),
        ip: strOrNull(r.ip),
        network: bool(r.network),
        hostname: strOrNull(r.hostname),
        port: numOrNull(r.port),
        severity: strOrNull(r.severity),
        organization: r.organization ? orgRef(r.organization) : null,
        matchReason: strOrNull(r.matchReason),
      };
    }),
    errors: normaliseDetails(o.errors),
    problem: o.problem ? { message: str(problem.message), details: normaliseDetails(problem.details) } : null,
    partial: bool(o.partial) || input.file.size > PREVIEW_BYTES,
  };
}

function report(o: Raw): ListReport {
  const c = obj(o.classification);
  return {
    reportType: strOrNull(o.reportType),
    reportName: strOrNull(o.reportName),
    severity: strOrNull(o.severity),
    classification: o.classification
      ? { taxonomy: str(c.taxonomy), type: str(c.type), identifier: strOrNull(c.identifier) }
      : null,
  };
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
    ...report(o),
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
    severity: strOrNull(o.severity),
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
