import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { createOrg, space } from "../fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "../helper.ts";
import { uploadList } from "../upload.ts";

const advice = {
  en: { summary: "Patch your Exchange server.", actions: ["Install the March 2021 update."], links: [] },
};

/**
 * A registered organization, a campaign and a list uploaded to it, sent (notices queued: no worker runs here),
 * everything under names of its own.
 */
async function seedSent(app: App, admin: TestStaff, analyst: TestStaff) {
  const s = space();
  const contact = `abuse-${randomUUID().slice(0, 6)}@${s.domain}`;
  const { id, name } = await createOrg(app, admin, {
    name: `Ministère ${randomUUID().slice(0, 8)}`,
    language: "fr",
    contacts: [{ email: contact, role: "abuse" }],
    cidrs: [`${s.v4}.0/24`],
    domains: [s.domain],
  });
  const org = { id, name };
  const campaign = await app.inject({
    method: "POST",
    url: "/api/campaigns",
    headers: bearer(analyst),
    payload: { name: `Exchange ${randomUUID().slice(0, 8)}`, cves: ["CVE-2021-26855"], tlp: "AMBER", advice },
  });
  const campaignId = campaign.json().id as string;
  const csv = ["ip,port,hostname", `${s.v4}.7,443,owa.${s.domain}`, `${s.v4}.8,443,mail.${s.domain}`, "not-an-ip,1,x"];
  const up = await uploadList(app, bearer(analyst), csv.join("\n") + "\n", { campaignId }, `scan-${s.v4}.csv`);
  expect(up.statusCode, up.body).toBe(201);
  const sent = await app.inject({ method: "POST", url: `/api/campaigns/${campaignId}/send`, headers: bearer(analyst) });
  expect(sent.statusCode, sent.body).toBe(202);
  return { s, org, contact, campaignId, listId: up.json().id as string };
}

describe("search and notices", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  let viewer: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
    viewer = await signIn(app, "viewer");
  });
  afterAll(() => app.close());

  const search = async (q: string) => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: bearer(viewer) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("finds what touches an address, a network, a name, an e-mail, a reference and an organization's name", async () => {
    const { s, org, contact, campaignId, listId } = await seedSent(app, admin, analyst);

    const byIp = await search(`${s.v4}.7`);
    expect(byIp.query).toEqual({ kind: "ip", value: `${s.v4}.7` });
    expect(byIp.exposures.items).toEqual([
      expect.objectContaining({ ip: `${s.v4}.7`, hostname: `owa.${s.domain}`, listId, organization: org }),
    ]);
    expect(byIp.lists.items).toEqual([expect.objectContaining({ id: listId, hits: 1, campaignId })]);
    expect(byIp.organizations.items).toEqual([expect.objectContaining({ id: org.id, why: `network ${s.v4}.0/24` })]);
    expect(byIp.notices.total).toBe(1);
    const notice = byIp.notices.items[0];
    expect(notice).toMatchObject({ organization: org, recipients: [contact], campaign: { id: campaignId } });

    const byCidr = await search(`${s.v4}.0/24`);
    expect(byCidr.query.kind).toBe("cidr");
    expect(byCidr.exposures.total).toBe(2);

    // A domain finds every name under it; a name that only ends like it does not match.
    const byDomain = await search(s.domain);
    expect(byDomain.query.kind).toBe("hostname");
    expect(byDomain.exposures.total).toBe(2);
    expect(byDomain.organizations.items[0]).toMatchObject({ id: org.id, why: `domain ${s.domain}` });
    expect((await search(`x${s.domain}`)).exposures.total).toBe(0);
    expect((await search(`owa.${s.domain}`)).exposures.items).toHaveLength(1);

    const byEmail = await search(contact.toUpperCase());
    expect(byEmail.query).toEqual({ kind: "email", value: contact });
    expect(byEmail.organizations.items[0]).toMatchObject({ id: org.id });
    expect(byEmail.notices.items[0]).toMatchObject({ id: notice.id });

    const byReference = await search(notice.reference.toLowerCase());
    expect(byReference.query.kind).toBe("notice_reference");
    expect(byReference.notices.items).toEqual([expect.objectContaining({ id: notice.id })]);

    const byName = await search(org.name.slice(0, 18).toLowerCase());
    expect(byName.query.kind).toBe("text");
    expect(byName.organizations.items).toEqual([expect.objectContaining({ id: org.id, why: "name" })]);
  });

  it("refuses what cannot be searched, naming the field", async () => {
    const short = await app.inject({ url: "/api/search?q=a", headers: bearer(viewer) });
    expect(short.statusCode).toBe(400);
    expect(short.json().details).toEqual([{ field: "q", message: "at least 2 characters" }]);
    const hostBits = await app.inject({ url: "/api/search?q=198.51.100.7/24", headers: bearer(viewer) });
    expect(hostBits.statusCode).toBe(400);
    expect(hostBits.json().message).toContain("198.51.100.0/24");
  });

  it("pages a campaign's notices, filtered by status, language and organization", async () => {
    const { campaignId, org } = await seedSent(app, admin, analyst);
    // Two more organizations in the same campaign, in one later list (a list leaves out hosts: they are gone).
    const more = [space(), space()];
    for (const [i, language] of ["nl", "de"].entries()) {
      await createOrg(app, admin, { language, cidrs: [`${more[i]!.v4}.0/24`] });
    }
    const rows = ["ip", ...more.map((s) => `${s.v4}.9`)].join("\n") + "\n";
    const up = await uploadList(app, bearer(analyst), rows, { campaignId }, `more-${more[0]!.v4}.csv`);
    expect(up.statusCode, up.body).toBe(201);
    const sent = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/send`,
      headers: bearer(analyst),
    });
    expect(sent.json().notices, sent.body).toBe(2);
    const page = async (q: string) => {
      const res = await app.inject({ url: `/api/campaigns/${campaignId}/notices?${q}`, headers: bearer(viewer) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const first = await page("limit=2&offset=0");
    const second = await page("limit=2&offset=2");
    expect(first.matching).toBe(3);
    expect(first.notices).toHaveLength(2);
    expect(second.notices).toHaveLength(1);
    expect(new Set([...first.notices, ...second.notices].map((n: { id: string }) => n.id)).size).toBe(3);

    expect((await page("language=fr")).notices.map((n: { organization: { id: string } }) => n.organization.id)).toEqual(
      [org.id],
    );
    const named = await page(`q=${encodeURIComponent(org.name.slice(3, 15).toUpperCase())}`);
    expect(named.matching).toBe(1);
    expect((await page("status=failed")).matching).toBe(0);
    expect((await page("status=queued")).matching).toBe(3);
  });

  it("shows a notice with its attempts and mail, and resends it once to a corrected contact (audited)", async () => {
    const { campaignId } = await seedSent(app, admin, analyst);
    const { notices } = (
      await app.inject({ url: `/api/campaigns/${campaignId}/notices`, headers: bearer(viewer) })
    ).json();
    const id = notices[0].id as string;
    // A delivery that the relay refused for good, as the worker records it (claim, then failure).
    await app.ctx.db.pool.query(`UPDATE notice SET status = 'sending', attempts = attempts + 1 WHERE id = $1`, [id]);
    await app.ctx.db.pool.query(`UPDATE notice SET status = 'failed', last_error = $2 WHERE id = $1`, [
      id,
      "550 5.1.1 <abuse@…>: Recipient address rejected",
    ]);

    const detail = await app.inject({ url: `/api/notices/${id}`, headers: bearer(viewer) });
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json();
    expect(d).toMatchObject({ status: "failed", attempts: 1, hostCount: 2, parent: null, following: [] });
    expect(d.deliveries).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: "failed",
        answer: "550 5.1.1 <abuse@…>: Recipient address rejected",
      }),
    ]);
    expect(d.mail.subject).toContain(d.reference);
    expect(d.mail.text).toContain("/r/…");

    const url = `/api/notices/${id}/resend`;
    const denied = await app.inject({
      method: "POST",
      url,
      headers: bearer(viewer),
      payload: { recipients: ["a@b.example"] },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({ method: "POST", url, headers: bearer(analyst), payload: { recipients: ["nope"] } });
    expect(bad.statusCode).toBe(400);

    const resend = await app.inject({
      method: "POST",
      url,
      headers: bearer(analyst),
      payload: { recipients: ["SOC@corrected.example"] },
    });
    expect(resend.statusCode, resend.body).toBe(200);
    const created = resend.json();
    expect(created.recipients).toEqual(["soc@corrected.example"]);
    expect(created.reference).not.toBe(d.reference);
    // The same addresses again would mail them twice.
    const twice = await app.inject({
      method: "POST",
      url,
      headers: bearer(analyst),
      payload: { recipients: ["soc@corrected.example"] },
    });
    expect(twice.statusCode).toBe(409);

    const resent = (await app.inject({ url: `/api/notices/${created.id}`, headers: bearer(viewer) })).json();
    expect(resent).toMatchObject({ kind: "initial", status: "queued", parent: { id, reference: d.reference } });
    // It lists what the original listed.
    expect(resent.mail.text).toContain(d.mail.text.match(/\d+\.\d+\.\d+\.7/)?.[0]);
    const original = (await app.inject({ url: `/api/notices/${id}`, headers: bearer(viewer) })).json();
    expect(original.following).toEqual([
      expect.objectContaining({ id: created.id, recipients: ["soc@corrected.example"] }),
    ]);
    const events = await app.ctx.db.prisma.auditEvent.findMany({ where: { action: "notice.resend", subjectId: id } });
    expect(events).toHaveLength(1);
  });
});
