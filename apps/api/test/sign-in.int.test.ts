import { createStaffUser } from "@baken/services";
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, newAddress, signIn } from "./helper.ts";

const LIMIT = 3;

describe("staff sign-in", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => app.close());

  const login = (email: string, password: string, remoteAddress = newAddress()) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });

  async function newStaff(role: "admin" | "analyst" | "viewer" = "analyst") {
    const email = `${role}-${randomUUID()}@test.example`;
    const password = "a long test password";
    const user = await createStaffUser(app.ctx, { id: null }, { email, password, role });
    return { ...user, email, password };
  }

  it("returns a token, its lifetime and the user, and sets an httpOnly SameSite=Strict cookie", async () => {
    const staff = await newStaff("analyst");
    const res = await login(staff.email.toUpperCase(), staff.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: "8h",
      staff: { id: staff.id, email: staff.email, name: "", role: "analyst" },
    });
    const claims = JSON.parse(Buffer.from(body.token.split(".")[1], "base64url").toString());
    expect(claims.sub).toBe(staff.id);
    expect(claims.exp - claims.iat).toBe(8 * 3600);

    const cookie = res.cookies.find((c) => c.name === "baken_session");
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: "Strict", path: "/" });
    const viaCookie = await app.inject({ url: "/api/auth/me", cookies: { baken_session: body.token } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json()).toMatchObject({ id: staff.id, role: "analyst" });
  });

  it("writes an audit event for each sign-in", async () => {
    const admin = await signIn(app, "admin");
    const res = await app.inject({
      url: `/api/audit?action=staff.login&subjectId=${admin.id}`,
      headers: bearer(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().events).toEqual([
      expect.objectContaining({ action: "staff.login", subjectType: "staff_user", subjectId: admin.id }),
    ]);
  });

  it("answers a wrong password with a generic 401", async () => {
    const staff = await newStaff();
    const res = await login(staff.email, "not the password");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: "unauthorized", message: "Wrong e-mail or password" });
    expect(res.cookies).toEqual([]);
  });

  it("refuses a disabled account, and a disabled account's token stops working at once", async () => {
    const staff = await newStaff("admin");
    const token = (await login(staff.email, staff.password)).json().token as string;
    await app.ctx.db.prisma.staffUser.update({ where: { id: staff.id }, data: { active: false } });

    const again = await login(staff.email, staff.password);
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toBe("Wrong e-mail or password");
    const me = await app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error).toBe("unauthorized");
  });

  it("limits sign-in attempts per address", async () => {
    const staff = await newStaff();
    const address = newAddress();
    // Different unknown accounts, so only the per-address limit counts.
    for (let i = 0; i < LIMIT; i++) {
      expect((await login(`nobody-${randomUUID()}@test.example`, "wrong", address)).statusCode).toBe(401);
    }
    const blocked = await login(staff.email, staff.password, address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      error: "rate_limited",
      message: expect.stringContaining("Too many requests"),
    });
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect((await login(staff.email, staff.password, newAddress())).statusCode).toBe(200);
  });

  it("limits failed sign-ins per account, across addresses", async () => {
    const target = await newStaff();
    const other = await newStaff();
    for (let i = 0; i < LIMIT; i++) expect((await login(target.email, `guess ${i}`)).statusCode).toBe(401);

    const blocked = await login(target.email, target.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({
      error: "rate_limited",
      message: "Too many failed sign-ins for this account; try again in 15 minutes",
    });
    expect((await login(other.email, other.password)).statusCode).toBe(200);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const staff = await newStaff();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LIMIT - 1; i++) expect((await login(staff.email, "wrong")).statusCode).toBe(401);
      expect((await login(staff.email, staff.password)).statusCode).toBe(200);
    }
  });
});

describe("the per-account limit under parallel guessing", () => {
  const limit = 10;
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: String(limit) });
  });
  afterAll(() => app.close());

  it("checks at most the limit's worth of 45 parallel wrong passwords from 5 addresses", async () => {
    const email = `target-${randomUUID()}@test.example`;
    const password = "the right password";
    await createStaffUser(app.ctx, { id: null }, { email, password, role: "admin" });
    const addresses = Array.from({ length: 5 }, () => newAddress());
    // 9 per address: under the per-address limit, so only the per-account one can stop them.
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email, password: `guess ${i}` },
          remoteAddress: addresses[i % 5],
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    // Every 401 is a password that was checked (scrypt); the rest were refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45 - limit);
    const failures = await app.ctx.redis.get(`${app.ctx.config.redis.prefix}:login-failures:${email}`);
    expect(Number(failures)).toBe(limit);
    // The account stays locked for the right password too, from any address.
    const locked = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      remoteAddress: newAddress(),
    });
    expect(locked.statusCode).toBe(429);
  });
});

describe("roles on staff routes", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it("401 without a token, with a malformed one, or one signed with another secret", async () => {
    const viewer = await signIn(app, "viewer");
    const [header, payload] = viewer.token.split(".");
    const forged = `${header}.${payload}.${createHmac("sha256", "another secret, 32 characters long!").update(`${header}.${payload}`).digest("base64url")}`;
    for (const authorization of [undefined, "Bearer nonsense", `Bearer ${forged}`]) {
      const res = await app.inject({ url: "/api/auth/me", headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: "unauthorized" });
    }
  });

  it("a viewer and an analyst get 403 on an admin route; an admin gets through", async () => {
    for (const role of ["viewer", "analyst"] as const) {
      const staff = await signIn(app, role);
      const res = await app.inject({ url: "/api/audit", headers: bearer(staff) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: "forbidden", message: `This needs the admin role; you are ${role}` });
    }
    const admin = await signIn(app, "admin");
    expect((await app.inject({ url: "/api/audit", headers: bearer(admin) })).statusCode).toBe(200);
  });

  it("a role change takes effect on the next request, without signing in again", async () => {
    const admin = await signIn(app, "admin");
    await app.ctx.db.prisma.staffUser.update({ where: { id: admin.id }, data: { role: "viewer" } });
    expect((await app.inject({ url: "/api/audit", headers: bearer(admin) })).statusCode).toBe(403);
  });
});
