import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { space } from "./fixtures.ts";
import { bearer, buildTestApp, newAddress, signIn, type TestStaff } from "./helper.ts";
import { postReport, validFields } from "./report-helper.ts";
import { uploadList } from "./upload.ts";

const NUL = "\u0000";
const refused = (field: string) => ({
  error: "validation",
  message: `Invalid request: ${field}: must not contain a NUL character (U+0000)`,
  details: [{ field, message: "must not contain a NUL character (U+0000)" }],
});

// PostgreSQL cannot store U+0000: every route answers it with a 400 naming the field, never a 500.
describe("a NUL byte in what a client sends", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("is a 400 at sign-in, before any account is looked at", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: `a${NUL}@test.example`, password: "whatever it is" },
      remoteAddress: newAddress(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(refused("body.email"));
  });

  it("is a 400 in a staff route's JSON body, nested or not, and nothing is stored", async () => {
    const name = `Org ${randomUUID()}`;
    const nested = await app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: bearer(admin),
      payload: { name, contacts: [{ email: `abuse@x.example`, name: `A${NUL}B` }] },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toEqual(refused("body.contacts.0.name"));
    const flat = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Campaign${NUL}` },
    });
    expect(flat.json()).toEqual(refused("body.name"));
    expect(await app.ctx.db.prisma.organization.count({ where: { name } })).toBe(0);
  });

  it("is a 400 in a query string and in a path parameter", async () => {
    const query = await app.inject({ url: "/api/organizations?search=a%00b", headers: bearer(analyst) });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toEqual(refused("querystring.search"));
    const param = await app.inject({ url: "/api/reports/CERT%00", headers: bearer(analyst) });
    expect(param.json()).toEqual(refused("params.id"));
  });

  it("is a 400 in a multipart field of a list upload, and in the file's name; nothing is stored", async () => {
    const s = space();
    const before = await app.ctx.db.prisma.exposureList.count();
    const field = await uploadList(app, bearer(analyst), `ip\n${s.v4}.1\n`, { source: `scan${NUL}` });
    expect(field.statusCode).toBe(400);
    expect(field.json()).toEqual(refused("body.source"));
    const name = await uploadList(app, bearer(analyst), `ip\n${s.v4}.2\n`, {}, `list${NUL}.csv`);
    expect(name.json()).toEqual(refused("body.file"));
    expect(await app.ctx.db.prisma.exposureList.count()).toBe(before);
  });

  it("is a 400 page naming the field in the reporter's language on the public report form", async () => {
    const fields = validFields({ description: `Ransom note${NUL} on the file server` });
    const multipart = await postReport(app, fields, { lang: "nl" });
    expect(multipart.statusCode).toBe(400);
    expect(multipart.headers["content-type"]).toContain("text/html");
    expect(multipart.body).toContain("Het veld “Wat is er gebeurd?”");
    const urlencoded = await app.inject({
      method: "POST",
      url: "/report?lang=en",
      remoteAddress: newAddress(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...validFields(), name: `An${NUL}` }).toString(),
    });
    expect(urlencoded.statusCode).toBe(400);
    expect(urlencoded.body).toContain("The field “Your name”");
    expect(await app.ctx.db.prisma.incidentReport.count({ where: { reporterEmail: fields.email } })).toBe(0);
  });
});

describe("a session token whose subject is not a staff id", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it("is a 401, whatever the subject (signed with the right secret)", async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const sign = (claims: object) => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ ...claims, iat: now, exp: now + 60 })}`;
      return `${unsigned}.${createHmac("sha256", app.ctx.config.auth.jwtSecret).update(unsigned).digest("base64url")}`;
    };
    for (const sub of ["not-a-uuid", `x${NUL}`, 42, null]) {
      const res = await app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${sign({ sub })}` } });
      expect(res.statusCode, JSON.stringify(sub)).toBe(401);
      expect(res.json()).toMatchObject({ error: "unauthorized" });
    }
    const none = await app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${sign({})}` } });
    expect(none.statusCode).toBe(401);
  });
});
