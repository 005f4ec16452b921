import { tokenHash } from "@baken/core";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, newAddress, signIn, type TestStaff } from "./helper.ts";

type Created = { id: string; token: string; name: string; role: string; expiresAt: string; hint: string };

const ZERO_ID = "00000000-0000-4000-8000-000000000000";

describe("API tokens", () => {
  let app: App;
  let admin: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
  });
  afterAll(() => app.close());

  const create = async (body: Record<string, unknown>, by: TestStaff = admin) =>
    app.inject({ method: "POST", url: "/api/tokens", headers: bearer(by), payload: body });

  async function newToken(role: "viewer" | "analyst", expiresInDays = 30): Promise<Created> {
    const res = await create({ name: `script ${randomUUID()}`, role, expiresInDays });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await app.ctx.db.pool.query(text, params)).rows as T[];

  it("shows the secret once, keeps only its hash, and lists the token without it", async () => {
    const created = await newToken("analyst");
    expect(created.token).toMatch(/^baken_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ role: "analyst", status: "active", lastUsedAt: null });
    expect(created.hint).toBe(created.token.slice(0, 14) + "…");
    const [row] = await sql<{ token_hash: string }>(`SELECT * FROM api_token WHERE id = $1`, [created.id]);
    expect(row!.token_hash).toBe(tokenHash(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(39));

    const listed = await app.inject({ url: "/api/tokens", headers: bearer(admin) });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(created.token.slice(39));
    expect(listed.body).not.toContain(row!.token_hash);
    const mine = listed.json().tokens.find((t: { id: string }) => t.id === created.id);
    expect(mine).toMatchObject({ name: created.name, createdBy: { id: admin.id, email: admin.email } });
    expect(mine.token).toBeUndefined();
  });

  it("refuses an admin role, no expiry, a year and a day, and no name", async () => {
    for (const body of [
      { name: "x", role: "admin", expiresInDays: 30 },
      { name: "x", role: "analyst", expiresInDays: 0 },
      { name: "x", role: "analyst", expiresInDays: 366 },
      { name: " ", role: "viewer" },
    ]) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("works as a Bearer token with its role, and every act it does is its creator's through it", async () => {
    const created = await newToken("analyst");
    const me = await app.inject({ url: "/api/auth/me", headers: withToken(created.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: admin.id, role: "analyst" });

    const campaign = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: withToken(created.token),
      payload: { name: `Made by a script ${randomUUID()}` },
      remoteAddress: "192.0.2.77",
    });
    expect(campaign.statusCode).toBe(201);
    const audit = await app.inject({ url: `/api/audit?tokenId=${created.id}`, headers: bearer(admin) });
    expect(audit.json().events).toEqual([
      expect.objectContaining({
        action: "campaign.create",
        subjectId: campaign.json().id,
        actor: admin.email,
        token: { id: created.id, name: created.name },
        ip: "192.0.2.77",
      }),
    ]);
    // Its creation and revocation are the admin's own acts, not the token's.
    const about = await app.inject({
      url: `/api/audit?subjectType=api_token&subjectId=${created.id}`,
      headers: bearer(admin),
    });
    expect(about.json().events).toEqual([expect.objectContaining({ action: "api_token.create", token: null })]);
  });

  it("is held to its role: a viewer token reads but changes nothing", async () => {
    const viewer = await newToken("viewer");
    expect((await app.inject({ url: "/api/campaigns", headers: withToken(viewer.token) })).statusCode).toBe(200);
    const refused = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: withToken(viewer.token),
      payload: { name: "nope" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("This needs the analyst role; you are viewer");
  });

  it("never reaches an admin route, whatever its role, route by route", async () => {
    const analystToken = await newToken("analyst");
    const viewerToken = await newToken("viewer");
    const sessions = { analyst: await signIn(app, "analyst"), viewer: await signIn(app, "viewer") };
    const doc = (await app.inject({ url: "/docs/json" })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/") && !path.startsWith("/api/auth/"))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    const urlOf = (path: string) =>
      path.replace(/\{(\w+)\}/g, (_, name: string) => (/id$/i.test(name) ? ZERO_ID : "1"));
    const adminOnly: string[] = [];
    for (const { method, path } of routes) {
      for (const [role, token] of [
        ["analyst", analystToken],
        ["viewer", viewerToken],
      ] as const) {
        const request = { method: method as "GET", url: urlOf(path) };
        const asSession = await app.inject({ ...request, headers: bearer(sessions[role]) });
        const asToken = await app.inject({ ...request, headers: withToken(token.token) });
        if (asSession.statusCode === 403 && asSession.json().message.includes("the admin role")) {
          if (role === "analyst") adminOnly.push(`${method} ${path}`);
          expect(asToken.statusCode, `${method} ${path} with a ${role} token`).toBe(403);
          expect(asToken.json().message).toMatch(/needs an administrator signed in; API tokens cannot do it$/);
        } else {
          // Elsewhere the token is answered as a session of its role would be (200, 400, 403, 404...).
          expect(asToken.statusCode, `${method} ${path} with a ${role} token`).toBe(asSession.statusCode);
        }
      }
    }
    expect(adminOnly).toEqual(
      expect.arrayContaining(["GET /api/audit/", "POST /api/tokens/", "GET /api/tokens/", "DELETE /api/tokens/{id}"]),
    );
  });

  it("stops working once expired, as an unknown or malformed token does", async () => {
    const created = await newToken("viewer");
    await sql(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    const expired = await app.inject({ url: "/api/lists", headers: withToken(created.token) });
    const unknown = await app.inject({
      url: "/api/lists",
      headers: withToken(created.token.replace(/_[^_]+$/, "_" + "A".repeat(43))),
    });
    const malformed = await app.inject({ url: "/api/lists", headers: withToken("baken_nonsense") });
    for (const res of [expired, unknown, malformed]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe("Sign in first: missing, invalid or expired token");
    }
    const listed = (await app.inject({ url: "/api/tokens", headers: bearer(admin) })).json();
    expect(listed.tokens.find((t: { id: string }) => t.id === created.id).status).toBe("expired");
  });

  it("is refused from the request after its revocation, which is audited", async () => {
    const created = await newToken("analyst");
    expect((await app.inject({ url: "/api/lists", headers: withToken(created.token) })).statusCode).toBe(200);
    const revoked = await app.inject({ method: "DELETE", url: `/api/tokens/${created.id}`, headers: bearer(admin) });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/lists", headers: withToken(created.token) })).statusCode).toBe(401);
    const token = (await app.inject({ url: "/api/tokens", headers: bearer(admin) }))
      .json()
      .tokens.find((t: { id: string }) => t.id === created.id);
    expect(token).toMatchObject({ status: "revoked", revokedBy: { id: admin.id, email: admin.email } });
    const audit = await app.inject({
      url: `/api/audit?action=api_token.revoke&subjectId=${created.id}`,
      headers: bearer(admin),
    });
    expect(audit.json().events).toHaveLength(1);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/tokens/${ZERO_ID}`, headers: bearer(admin) })).statusCode,
    ).toBe(404);
  });

  it("stops working when its creator is disabled, and never does more than its creator may now", async () => {
    const creator = await signIn(app, "admin");
    const created = await newTokenBy(creator, "analyst");
    await sql(`UPDATE staff_user SET role = 'viewer' WHERE id = $1`, [creator.id]);
    const me = await app.inject({ url: "/api/auth/me", headers: withToken(created.token) });
    expect(me.json().role).toBe("viewer");
    await sql(`UPDATE staff_user SET active = false WHERE id = $1`, [creator.id]);
    expect((await app.inject({ url: "/api/lists", headers: withToken(created.token) })).statusCode).toBe(401);
  });

  async function newTokenBy(by: TestStaff, role: "viewer" | "analyst") {
    const res = await create({ name: `by ${by.email}`, role, expiresInDays: 1 }, by);
    expect(res.statusCode).toBe(201);
    return res.json() as Created;
  }

  it("records its last use and address, at most once a minute", async () => {
    const created = await newToken("viewer");
    await app.inject({ url: "/api/lists", headers: withToken(created.token), remoteAddress: "198.51.100.20" });
    const lastUse = async () =>
      (
        await sql<{ at: Date; ip: string }>(
          `SELECT last_used_at AS at, last_used_ip AS ip FROM api_token WHERE id = $1`,
          [created.id],
        )
      )[0]!;
    const first = await lastUse();
    expect(first.ip).toBe("198.51.100.20");
    expect(Date.now() - first.at.getTime()).toBeLessThan(10_000);

    // Half a minute later: another use writes nothing.
    await sql(`UPDATE api_token SET last_used_at = now() - interval '30 seconds' WHERE id = $1`, [created.id]);
    const before = await lastUse();
    await app.inject({ url: "/api/lists", headers: withToken(created.token), remoteAddress: "198.51.100.21" });
    expect(await lastUse()).toEqual(before);

    // Over a minute later: it does.
    await sql(`UPDATE api_token SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [created.id]);
    await app.inject({ url: "/api/lists", headers: withToken(created.token), remoteAddress: "198.51.100.22" });
    const after = await lastUse();
    expect(after.ip).toBe("198.51.100.22");
    expect(after.at.getTime()).toBeGreaterThan(before.at.getTime());
  });
});

describe("API tokens' rate limit", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ API_RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(() => app.close());

  it("counts per token, not per address: one token's flood leaves another token and the address alone", async () => {
    const admin = await signIn(app, "admin");
    const make = async (name: string) =>
      (
        await app.inject({
          method: "POST",
          url: "/api/tokens",
          headers: bearer(admin),
          payload: { name, role: "viewer", expiresInDays: 1 },
          remoteAddress: newAddress(),
        })
      ).json().token as string;
    const [a, b] = [await make("a"), await make("b")];
    const from = "203.0.113.9";
    const get = (headers: Record<string, string>) =>
      app.inject({ url: "/api/campaigns", headers, remoteAddress: from });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get({ authorization: `Bearer ${a}` })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await get({ authorization: `Bearer ${b}` })).statusCode).toBe(200);
    // The address itself has used none of its own three.
    expect((await get(bearer(admin))).statusCode).toBe(200);
  });
});

describe("requests that prove no identity", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ API_RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(() => app.close());

  it("are limited per address too, so guessing tokens or flooding with bad ones is slowed", async () => {
    const from = newAddress();
    const guess = () =>
      app.inject({
        url: "/api/campaigns",
        headers: { authorization: `Bearer baken_${"0".repeat(32)}_${"A".repeat(43)}` },
        remoteAddress: from,
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await guess()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another address is not held back by this one's failures.
    const other = await app.inject({ url: "/api/campaigns", remoteAddress: newAddress() });
    expect(other.statusCode).toBe(401);
  });
});
