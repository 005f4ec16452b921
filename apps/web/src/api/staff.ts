// Staff accounts (admins only).
import { call } from "./http.ts";
import type { StaffInput, StaffRole, StaffUser } from "./types.ts";

export async function listStaff(): Promise<StaffUser[]> {
  return (await call("get", "/api/staff/")).staff;
}

export const createStaff = (body: StaffInput) => call("post", "/api/staff/", { body });

export const updateStaff = (id: string, body: { name?: string; role?: StaffRole; active?: boolean }) =>
  call("patch", "/api/staff/{id}", { params: { id }, body });

/** Without a password: a random one, returned this once. */
export const resetPassword = (id: string, password?: string) =>
  call("post", "/api/staff/{id}/password", { params: { id }, body: password ? { password } : {} });
