import { call } from "./http.ts";
import type { ConsoleSettings, Staff } from "./types.ts";

/**
 * Signs in. The API sets the httpOnly session cookie; the token it also returns (for API clients) is
 * deliberately dropped here so that no script can ever read it.
 */
export async function login(email: string, password: string): Promise<Staff> {
  return (await call("post", "/api/auth/login", { body: { email, password } })).staff;
}

export const logout = () => call("post", "/api/auth/logout");
export const me = (signal?: AbortSignal) => call("get", "/api/auth/me", { signal });

/** Served by the API beside the console: which links to show (the demo's mail catcher). */
export async function settings(): Promise<ConsoleSettings> {
  const fallback: ConsoleSettings = { certName: "Baken", mailCatcherUrl: null };
  const answer = await call("get", "/console/config.json").catch(() => fallback);
  return { certName: answer.certName || fallback.certName, mailCatcherUrl: answer.mailCatcherUrl || null };
}
