export { importRipeDump, type RipeDumpFile } from "./import-ripe-dump.ts";
export { importRipeFiles } from "./import-ripe-files.ts";
export { beginRipeUpload } from "./upload-ripe-dump.ts";
export { runUploadedRipeImport } from "./run-uploaded-ripe-import.ts";
export { listRipeImports, getRipeImport, ripeImportView, type RipeImportView } from "./list-ripe-imports.ts";
export { parseCountries } from "./ripe-files.ts";
export { blockAbuseContact, promoteAbuseContact, type AbuseContactView } from "./manage-abuse-contacts.ts";
export { lookupListContacts, type ContactLookupResult, type LookupDeps } from "./lookup-contacts.ts";
export { requeueMissedContactLookups, LOOKUP_REQUEUE_WINDOW_MS } from "./requeue-missed-lookups.ts";
export type { ServerThrottle } from "./lookup-http.ts";
export {
  listContactOverrides,
  createContactOverride,
  removeContactOverride,
  type ContactOverrideView,
} from "./manage-contact-overrides.ts";
