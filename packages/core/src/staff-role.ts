/** What a staff user may do: viewers read, analysts change, admins also manage users. */
export const STAFF_ROLES = ["admin", "analyst", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
