import { get, post } from "./http.ts";
import { obj, oneOf, str } from "./read.ts";
import type { ConsoleSettings, Role, Staff } from "./types.ts";

const staff = (raw: unknown): Staff => {
  const o = obj(raw);
  const role = str(o.role);
  return {
    id: str(o.id),
    email: str(o.email),
    name: str(o.name),
    role: oneOf<Role, Role>(["admin", "analyst", "viewer"], role, "viewer"),
  };
};

/**
 * Signs in. The API sets the httpOnly session cookie; the token it also returns (for API clients) is
 * deliberately dropped here so that no script can ever read it.
 */
export async function login(email: string, password: string): Promise<Staff> {
  const answer = await post<unknown>("/api/auth/login", { email, password });
  return staff(obj(answer).staff);
}

export const logout = () => post<null>("/api/auth/logout");
export const me = async (signal?: AbortSignal) => staff(await get<unknown>("/api/auth/me", signal));

/** Served by the API beside the console: which links to show (the demo's mail catcher). */
export async function settings(): Promise<ConsoleSettings> {
  const o = obj(await get<unknown>("/console/config.json").catch(() => ({})));
  return { mailCatcherUrl: str(o.mailCatcherUrl) || null, certName: str(o.certName) || "Baken" };
}
