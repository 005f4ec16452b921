export { ingestList, type IngestInput, type IngestResult } from "./ingest-list.ts";
export { parseListMeta, parseReadFields, READ_FIELDS, type ListMeta, type ReadFields } from "./list-meta.ts";
export { previewList, PREVIEW_ROWS, type ListPreview, type PreviewRow } from "./preview-list.ts";
export { listLists, getList } from "./get-list.ts";
export { listExposures, listListErrors, type ExposureQuery } from "./list-exposures.ts";
export type { ExposureView, ListSummaryRow, SyncCampaignHostsResult } from "@baken/db";
export { rematchList, type RematchResult } from "./rematch-list.ts";
export { assignExposures, type AssignInput, type AssignResult } from "./assign-exposures.ts";
export { attachList } from "./attach-list.ts";
