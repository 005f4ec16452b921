// Exposure lists (issue 3): upload, summaries, exposures, errors, assignment.
import { call, normaliseDetails, request, upload, type UploadProgress } from "./http.ts";
import type { Answer } from "./operations.ts";
import type {
  AssignInput,
  Exposure,
  ListDetail,
  ListPreview,
  ListSummary,
  OrgRef,
  Page,
  Tlp,
  UploadResult,
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
  return upload<UploadResult>("/api/lists", uploadForm(input, input.file), onProgress);
}

/** The preview reads only a file's beginning: the first 256 KB are sent, not a whole 100 MB report. */
const PREVIEW_BYTES = 256 * 1024;

export async function previewList(input: ReadInput): Promise<ListPreview> {
  const form = uploadForm(input, input.file.slice(0, PREVIEW_BYTES));
  // Multipart, as the upload: the route reads the parts itself (its schema has no body).
  const preview = await request<Answer<"/api/lists/preview", "post">>("POST", "/api/lists/preview", form);
  const { problem } = preview;
  return {
    ...preview,
    problem: problem ? { message: problem.message, details: normaliseDetails(problem.details) } : null,
    partial: preview.partial || input.file.size > PREVIEW_BYTES,
  };
}

/** Lists carry a campaign id only: the campaigns' names are looked up once for all of them. */
async function campaignNames(): Promise<Map<string, string>> {
  const answer = await call("get", "/api/campaigns/", { query: { limit: 500 } }).catch(() => ({ campaigns: [] }));
  return new Map(answer.campaigns.map((c) => [c.id, c.name]));
}

function named<T extends Answer<"/api/lists/", "get">["lists"][number]>(
  list: T,
  names: Map<string, string>,
): T & { campaign: OrgRef | null } {
  const id = list.campaignId;
  return { ...list, campaign: id ? { id, name: names.get(id) ?? id } : null };
}

export async function listLists(filter: { campaignId?: string } = {}): Promise<ListSummary[]> {
  const [answer, names] = await Promise.all([
    call("get", "/api/lists/", { query: { pageSize: 200, ...filter } }),
    campaignNames(),
  ]);
  return answer.lists.map((list) => named(list, names));
}

export async function getList(id: string): Promise<ListDetail> {
  const [list, names] = await Promise.all([call("get", "/api/lists/{id}", { params: { id } }), campaignNames()]);
  return named(list, names);
}

export type ExposureFilter = { matched?: boolean; organizationId?: string; page?: number };

export async function listExposures(id: string, { matched, ...filter }: ExposureFilter): Promise<Page<Exposure>> {
  const query = {
    ...filter,
    matched: matched === undefined ? undefined : matched ? ("true" as const) : ("false" as const),
  };
  const answer = await call("get", "/api/lists/{id}/exposures", { params: { id }, query });
  return { ...answer, items: answer.exposures };
}

export async function listErrors(id: string) {
  return (await call("get", "/api/lists/{id}/errors", { params: { id } })).errors;
}

export const assignExposures = (id: string, input: AssignInput) =>
  call("post", "/api/lists/{id}/assign", { params: { id }, body: input });

export const rematchList = (id: string) => call("post", "/api/lists/{id}/rematch", { params: { id } });

/** What deleting the list would do (its rows, its campaign's hosts), or why it would be refused. */
export const previewListDeletion = (id: string) => call("get", "/api/lists/{id}/deletion", { params: { id } });

export const deleteList = (id: string) => call("delete", "/api/lists/{id}", { params: { id } });
