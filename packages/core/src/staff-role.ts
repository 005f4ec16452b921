/** What a staff user may do: viewers read, analysts change, admins also manage users. */
export const STAFF_ROLES = ["admin", "analyst", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const RANK: Record<StaffRole, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Whether `role` includes everything `needed` may do (each role includes the ones below it). */
export const roleIncludes = (role: StaffRole, needed: StaffRole): boolean => RANK[role] >= RANK[needed];

/** The lesser of two roles: what a token of `a` created by someone now `b` may do. */
export const lesserRole = (a: StaffRole, b: StaffRole): StaffRole => (RANK[a] <= RANK[b] ? a : b);
