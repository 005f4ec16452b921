// The typed API client: every call the console makes, in one module. Pages import `api` and nothing else.
import * as audit from "./audit.ts";
import * as auth from "./auth.ts";
import * as campaigns from "./campaigns.ts";
import * as lists from "./lists.ts";
import * as organizations from "./organizations.ts";
import * as reports from "./reports.ts";

export const api = { auth, audit, campaigns, lists, organizations, reports };
export { ApiError, type ErrorDetail, type UploadProgress } from "./http.ts";
export type * from "./types.ts";
export { LANGUAGES, TLPS, CONTACT_ROLES, REPORT_STATUSES, COLUMN_ROLES } from "./types.ts";
