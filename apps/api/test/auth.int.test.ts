import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn } from "./helper.ts";

describe("staff sign-in", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it("signs in and answers /me", async () => {
    const analyst = await signIn(app, "analyst");
    const me = await app.inject({ url: "/api/auth/me", headers: bearer(analyst) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: analyst.email, role: "analyst" });
  });

  it("refuses a wrong password with the same message as an unknown user", async () => {
    const viewer = await signIn(app, "viewer");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: viewer.email, password: "nope" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x@y.example", password: "nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it("needs a token (401) and the right role (403)", async () => {
    const viewer = await signIn(app, "viewer");
    expect((await app.inject({ url: "/api/audit" })).statusCode).toBe(401);
    const res = await app.inject({ url: "/api/audit", headers: bearer(viewer) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: "forbidden" });
  });
});
