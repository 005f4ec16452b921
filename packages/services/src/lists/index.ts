export { ingestList, type IngestInput, type IngestResult } from "./ingest-list.ts";
export { parseListMeta, parseReadFields, READ_FIELDS, TLPS, type ListMeta, type ReadFields } from "./list-meta.ts";
export { previewList, PREVIEW_ROWS, type ListPreview, type PreviewRow } from "./preview-list.ts";
export { listLists, getList, type ListSummaryRow } from "./get-list.ts";
export { listExposures, listListErrors, type ExposureQuery, type ExposureView } from "./list-exposures.ts";
export { rematchList, type RematchResult } from "./rematch-list.ts";
export { assignExposures, type AssignInput, type AssignResult } from "./assign-exposures.ts";
export { attachList } from "./attach-list.ts";
export { syncCampaignHosts, type SyncCampaignHostsResult } from "./sync-campaign-hosts.ts";
