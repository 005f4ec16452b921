import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, newAddress, signIn, type TestStaff } from "./helper.ts";

describe("staff accounts, managed by admins", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;

  beforeAll(async () => {
    app = await buildTestApp();
    [admin, analyst] = await Promise.all([signIn(app, "admin"), signIn(app, "analyst")]);
  });
  afterAll(() => app.close());

  const login = (email: string, password: string) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: newAddress() });
  const auditOf = async (id: string) =>
    (await app.inject({ url: `/api/audit?subjectType=staff_user&subjectId=${id}`, headers: bearer(admin) })).json()
      .events as { action: string; details: Record<string, unknown> }[];

  it("creates an account, changes its role, resets its password and disables it, each audited", async () => {
    const email = `new-${randomUUID()}@test.example`;
    const created = await app.inject({
      method: "POST",
      url: "/api/staff",
      headers: bearer(admin),
      payload: { email, name: "Nora Analyst", role: "viewer", password: "first password 123" },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const list = await app.inject({ url: "/api/staff", headers: bearer(admin) });
    expect(list.json().staff).toContainEqual(
      expect.objectContaining({ id, email, name: "Nora Analyst", active: true }),
    );
    expect(JSON.stringify(list.json())).not.toContain("password");

    const session = (await login(email, "first password 123")).json().token as string;
    const me = () => app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${session}` } });
    expect((await me()).json().role).toBe("viewer");

    const promoted = await app.inject({
      method: "PATCH",
      url: `/api/staff/${id}`,
      headers: bearer(admin),
      payload: { role: "analyst" },
    });
    expect(promoted.statusCode).toBe(200);
    expect((await me()).json().role).toBe("analyst");

    const reset = await app.inject({
      method: "POST",
      url: `/api/staff/${id}/password`,
      headers: bearer(admin),
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    const generated = reset.json().password as string;
    expect(generated.length).toBeGreaterThanOrEqual(12);
    expect((await login(email, "first password 123")).statusCode).toBe(401);
    expect((await login(email, generated)).statusCode).toBe(200);

    const disabled = await app.inject({
      method: "PATCH",
      url: `/api/staff/${id}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    expect(disabled.statusCode).toBe(200);
    // The session signed in before is refused at its next request, and no new one can start.
    expect((await me()).statusCode).toBe(401);
    expect((await login(email, generated)).statusCode).toBe(401);

    const events = await auditOf(id);
    const changes = events.map((e) => e.action).filter((a) => a !== "staff.login");
    expect(changes.sort()).toEqual(["staff.create", "staff.disable", "staff.password", "staff.role"]);
    expect(JSON.stringify(events)).not.toContain(generated);
  });

  it("ends every session open on an account when its password is reset; a new sign-in works", async () => {
    const email = `reset-${randomUUID()}@test.example`;
    const created = await app.inject({
      method: "POST",
      url: "/api/staff",
      headers: bearer(admin),
      payload: { email, role: "analyst", password: "old password 1234" },
    });
    const { id } = created.json();
    // Two sessions, as a laptop (cookie) and a script (bearer) would hold them.
    const [laptop, script] = await Promise.all([
      login(email, "old password 1234").then((r) => r.json().token as string),
      login(email, "old password 1234").then((r) => r.json().token as string),
    ]);
    const byCookie = (token: string) => app.inject({ url: "/api/auth/me", cookies: { baken_session: token } });
    const byBearer = (token: string) =>
      app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } });
    expect((await byCookie(laptop)).statusCode).toBe(200);
    expect((await byBearer(script)).statusCode).toBe(200);

    const reset = await app.inject({
      method: "POST",
      url: `/api/staff/${id}/password`,
      headers: bearer(admin),
      payload: { password: "new password 5678" },
    });
    expect(reset.statusCode).toBe(200);
    for (const refused of [await byCookie(laptop), await byBearer(script)]) {
      expect(refused.statusCode).toBe(401);
      expect(refused.json().message).toMatch(/password was reset/);
    }

    const fresh = await login(email, "new password 5678");
    expect(fresh.statusCode).toBe(200);
    expect((await byBearer(fresh.json().token)).json().email).toBe(email);
    // The admin who reset it is still signed in; another account's sessions are untouched.
    expect((await app.inject({ url: "/api/auth/me", headers: bearer(admin) })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", headers: bearer(analyst) })).statusCode).toBe(200);

    // A second reset ends the session started after the first.
    await app.inject({ method: "POST", url: `/api/staff/${id}/password`, headers: bearer(admin), payload: {} });
    expect((await byBearer(fresh.json().token)).statusCode).toBe(401);
  });

  it("refuses what would lock everyone out, and anyone but an admin", async () => {
    const self = await app.inject({
      method: "PATCH",
      url: `/api/staff/${admin.id}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().details[0].field).toBe("active");
    const short = await app.inject({
      method: "POST",
      url: "/api/staff",
      headers: bearer(admin),
      payload: { email: `x-${randomUUID()}@test.example`, role: "viewer", password: "short" },
    });
    expect(short.statusCode).toBe(400);
    const duplicate = await app.inject({
      method: "POST",
      url: "/api/staff",
      headers: bearer(admin),
      payload: { email: analyst.email, role: "viewer", password: "long enough password" },
    });
    expect(duplicate.statusCode).toBe(409);
    expect((await app.inject({ url: "/api/staff", headers: bearer(analyst) })).statusCode).toBe(403);
    const unknown = await app.inject({
      method: "PATCH",
      url: `/api/staff/${randomUUID()}`,
      headers: bearer(admin),
      payload: { role: "viewer" },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
