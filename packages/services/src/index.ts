export type { Ctx, Actor } from "./context.ts";
export { listAuditEvents, type AuditQuery } from "./audit/list-audit-events.ts";
export { exportAuditCsv, AUDIT_EXPORT_MAX } from "./audit/export-audit-csv.ts";
export { listOrganizationNotices } from "./history/list-organization-notices.ts";
export {
  authenticateStaff,
  findActiveStaff,
  type StaffIdentity,
  type StaffSession,
} from "./staff/authenticate-staff.ts";
export { createStaffUser, ensureBootstrapAdmin, type NewStaffUser } from "./staff/create-staff-user.ts";
export { hashPassword, verifyPassword } from "./staff/passwords.ts";
export { listStaffUsers } from "./staff/list-staff-users.ts";
export { updateStaffUser, type StaffChange } from "./staff/update-staff-user.ts";
export { resetStaffPassword } from "./staff/reset-staff-password.ts";
export * from "./registry/index.ts";
export * from "./lists/index.ts";
export * from "./campaigns/index.ts";
export * from "./notices/index.ts";
export * from "./remediation/index.ts";
export * from "./reports/index.ts";
export * from "./feeds/index.ts";
export * from "./api-tokens/index.ts";
export * from "./signals/index.ts";
export * from "./search/index.ts";
export * from "./overview/index.ts";
export * from "./reach/index.ts";
