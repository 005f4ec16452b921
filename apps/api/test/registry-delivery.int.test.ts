import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { createOrg } from "./fixtures.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";

// Issue 15 in the registry: the fallback address a bounced notice is re-sent to, set by staff; the contacts
// the outcomes say are dead, a page at a time.
describe("delivery in the registry", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("sets an organization's fallback address on create and edit, checked, normalised and audited", async () => {
    const domain = `f${randomUUID().slice(0, 8)}.example`;
    const org = await createOrg(app, admin, { fallbackEmail: `Abuse@ISP.${domain}` });
    const url = `/api/organizations/${org.id}`;
    const read = async () => (await app.inject({ url, headers: bearer(analyst) })).json();
    expect((await read()).delivery.fallbackEmail).toBe(`abuse@isp.${domain}`);

    const patch = (payload: object, who = admin) => app.inject({ method: "PATCH", url, headers: bearer(who), payload });
    const changed = await patch({ fallbackEmail: ` noc@${domain} ` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().delivery.fallbackEmail).toBe(`noc@${domain}`);

    const bad = await patch({ fallbackEmail: "not an address" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: "fallbackEmail", message: "not a valid e-mail address" }]);
    expect((await patch({ fallbackEmail: 42 })).json().details[0].field).toBe("body.fallbackEmail");
    const badCreate = await app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: bearer(admin),
      payload: { name: `Org ${randomUUID()}`, fallbackEmail: "nobody" },
    });
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.json().details[0].field).toBe("fallbackEmail");
    // The registry is an admin's: an analyst cannot redirect an organization's notices.
    expect((await patch({ fallbackEmail: `x@${domain}` }, analyst)).statusCode).toBe(403);
    expect((await read()).delivery.fallbackEmail).toBe(`noc@${domain}`);

    // An empty address clears it, as null does.
    expect((await patch({ fallbackEmail: "" })).json().delivery.fallbackEmail).toBeNull();
    await patch({ fallbackEmail: `noc@${domain}` });
    expect((await patch({ fallbackEmail: null })).json().delivery.fallbackEmail).toBeNull();
    // Another field's change leaves it as it was.
    await patch({ fallbackEmail: `noc@${domain}` });
    expect((await patch({ sector: "energy" })).json().delivery.fallbackEmail).toBe(`noc@${domain}`);

    const events = (await app.inject({ url: `/api/audit?subjectId=${org.id}`, headers: bearer(admin) })).json()
      .events as { action: string; details: Record<string, unknown> }[];
    expect(events.find((e) => e.action === "organization.create")!.details).toMatchObject({
      fallbackEmail: `abuse@isp.${domain}`,
    });
    const updates = events.filter((e) => e.action === "organization.update").map((e) => e.details);
    expect(updates).toContainEqual({ fallbackEmail: `noc@${domain}`, fallbackEmailBefore: `abuse@isp.${domain}` });
    expect(updates).toContainEqual({ fallbackEmail: null, fallbackEmailBefore: `noc@${domain}` });
  });

  it("takes the fallback address from a registry import where the file gives one, and keeps staff's otherwise", async () => {
    const name = `Imported ${randomUUID()}`;
    const importFile = async (body: string, type: string) => {
      const res = await app.inject({
        method: "POST",
        url: "/api/organizations/import",
        headers: { ...bearer(admin), "content-type": type },
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(200);
      const org = await app.ctx.db.prisma.organization.findUniqueOrThrow({ where: { name } });
      return org.fallbackEmail;
    };
    const ndjson = (record: object) => importFile(JSON.stringify({ name, ...record }), "application/x-ndjson");
    expect(await ndjson({ fallbackEmail: "NOC@Hoster.example" })).toBe("noc@hoster.example");
    expect(await ndjson({ sector: "energy" })).toBe("noc@hoster.example");
    expect(await importFile(`name,sector\n"${name}",health\n`, "text/csv")).toBe("noc@hoster.example");
    expect(await importFile(`name,fallback_email\n"${name}",abuse@isp.example\n`, "text/csv")).toBe(
      "abuse@isp.example",
    );
    expect(await importFile(`name,fallback_email\n"${name}",\n`, "text/csv")).toBeNull();
  });

  it("pages the contacts to fix, with their total", async () => {
    const { prisma } = app.ctx.db;
    const domain = `p${randomUUID().slice(0, 8)}.example`;
    const emails = ["a", "b", "c"].map((l) => `${l}@${domain}`);
    const org = await createOrg(app, admin, { contacts: emails.map((email) => ({ email, role: "abuse" })) });
    // Later than any other file's dead contacts (they share the database): these three come first, c first.
    for (const [i, email] of emails.entries()) {
      await prisma.contact.updateMany({
        where: { organizationId: org.id, email },
        data: {
          undeliverableSince: new Date(Date.UTC(2100, 0, 1, 0, 0, i)),
          undeliverableReason: "permanent failure",
          undeliverableStatus: "5.1.1",
        },
      });
    }
    const page = async (query: string) => {
      const res = await app.inject({ url: `/api/organizations/contacts-to-fix?${query}`, headers: bearer(analyst) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; limit: number; offset: number; contacts: { email: string }[] };
    };
    const first = await page("limit=2");
    expect(first).toMatchObject({ limit: 2, offset: 0 });
    expect(first.contacts.map((c) => c.email)).toEqual([emails[2], emails[1]]);
    const second = await page("limit=2&offset=2");
    expect(second.contacts[0]!.email).toBe(emails[0]);
    // Other files add dead contacts of their own meanwhile: the total counts at least these three.
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(second.total).toBeGreaterThanOrEqual(3);
    expect((await page("")).limit).toBe(100);

    const bad = await app.inject({
      url: "/api/organizations/contacts-to-fix?offset=-1",
      headers: bearer(analyst),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe("querystring.offset");
    await prisma.contact.updateMany({ where: { organizationId: org.id }, data: { undeliverableSince: null } });
  });
});
