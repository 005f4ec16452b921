// The typed API client: every call the console makes, in one module. Pages import `api` and nothing else.
import * as audit from "./audit.ts";
import * as auth from "./auth.ts";
import * as campaigns from "./campaigns.ts";
import * as contactOverrides from "./contact-overrides.ts";
import * as feeds from "./feeds.ts";
import * as lists from "./lists.ts";
import * as notices from "./notices.ts";
import * as overview from "./overview.ts";
import * as search from "./search.ts";
import * as signals from "./signals.ts";
import * as organizations from "./organizations.ts";
import * as reports from "./reports.ts";
import * as ripe from "./ripe.ts";
import * as staff from "./staff.ts";
import * as tokens from "./tokens.ts";

export const api = {
  auth,
  audit,
  campaigns,
  contactOverrides,
  feeds,
  lists,
  notices,
  organizations,
  overview,
  reports,
  ripe,
  search,
  signals,
  staff,
  tokens,
};
export { ApiError, type ErrorDetail, type UploadProgress } from "./http.ts";
export type * from "./types.ts";
export {
  API_TOKEN_ROLES,
  COLUMN_ROLES,
  CONTACT_ROLES,
  LANGUAGES,
  NOTICE_STATUSES,
  REPORT_STATUSES,
  SEVERITIES,
  STAFF_ROLES,
  REPORT_PRIORITIES,
  TLPS,
} from "./types.ts";
