import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";

describe("the audit log: names, filters, CSV", () => {
  let app: App;
  let admin: TestStaff;
  let other: TestStaff;
  let orgId: string;
  const hostile = `=HYPERLINK("http://evil.example/${randomUUID().slice(0, 6)}")`;

  beforeAll(async () => {
    app = await buildTestApp();
    [admin, other] = await Promise.all([signIn(app, "admin"), signIn(app, "admin")]);
    await app.inject({
      method: "PATCH",
      url: `/api/staff/${admin.id}`,
      headers: bearer(admin),
      payload: { name: "Ada Admin" },
    });
    const org = await app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: bearer(admin),
      payload: { name: hostile, language: "en" },
    });
    expect(org.statusCode).toBe(201);
    orgId = org.json().id;
  });
  afterAll(() => app.close());

  it("names who did it and the subject, and filters by who, what and when", async () => {
    const res = await app.inject({ url: `/api/audit?actorId=${admin.id}&action=organization`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const [event] = res.json().events;
    expect(event).toMatchObject({
      actorId: admin.id,
      actor: admin.email,
      actorName: "Ada Admin",
      subjectType: "organization",
      subjectId: orgId,
      subjectName: hostile,
    });
    expect(res.json().events.every((e: { action: string }) => e.action.startsWith("organization."))).toBe(true);
    const byOther = await app.inject({
      url: `/api/audit?actorId=${other.id}&action=organization`,
      headers: bearer(admin),
    });
    expect(byOther.json().events).toEqual([]);
    const future = await app.inject({ url: `/api/audit?actorId=${admin.id}&from=2999-01-01`, headers: bearer(admin) });
    expect(future.json().events).toEqual([]);
    const past = await app.inject({ url: `/api/audit?actorId=${admin.id}&to=2000-01-01`, headers: bearer(admin) });
    expect(past.json().events).toEqual([]);
    const bad = await app.inject({ url: `/api/audit?from=yesterday`, headers: bearer(admin) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("from");
  });

  it("exports the filtered trail as CSV with formula cells neutralised", async () => {
    const res = await app.inject({ url: `/api/audit/export.csv?actorId=${admin.id}`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain("attachment");
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor,actor name,api token,ip,action,subject type,subject id,subject,details");
    const orgLine = lines.find((l) => l.includes(orgId))!;
    expect(orgLine).toContain(`"'=HYPERLINK(""http://evil.example/`);
    expect(orgLine).toContain("Ada Admin");
    expect(lines.slice(1).every((l) => l.includes(admin.email))).toBe(true);
    expect(
      (await app.inject({ url: "/api/audit/export.csv", headers: bearer(await signIn(app, "analyst")) })).statusCode,
    ).toBe(403);
  });
});
