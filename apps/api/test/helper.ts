import { loadConfig } from "@baken/config";
import { createStaffUser } from "@baken/services";
import { randomInt, randomUUID } from "node:crypto";
import { buildApp, type App } from "../src/app.ts";

/**
 * The app as server.ts builds it, on the run's test database and Redis prefix (see global-setup). Its
 * rate-limit counters are its own: every test file signs in from 127.0.0.1, in parallel.
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<App> {
  const rateLimitPrefix = `${process.env.REDIS_PREFIX ?? "baken"}-rl-${randomUUID()}`;
  const config = loadConfig({ ...process.env, RATE_LIMIT_PREFIX: rateLimitPrefix, ...env });
  const app = await buildApp({ config, logger: false });
  await app.ready();
  return app;
}

export type TestStaff = { id: string; email: string; password: string; token: string };

/** A loopback address of its own, so per-address limits count only what a test means them to. */
export const newAddress = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;

/** A fresh staff user of the given role, signed in through the API. */
export async function signIn(app: App, role: "admin" | "analyst" | "viewer"): Promise<TestStaff> {
  const email = `${role}-${randomUUID()}@test.example`;
  const password = "a long test password";
  const user = await createStaffUser(app.ctx, { id: null }, { email, password, role });
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: newAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { id: user.id, email, password, token: res.json().token };
}

export const bearer = (staff: TestStaff) => ({ authorization: `Bearer ${staff.token}` });
