import { withClientTransaction } from "@baken/db";
import { SmtpSink, waitFor } from "@baken/testing";
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { importRipeText, rpslObject } from "./ripe-dump.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { listUpload } from "./upload.ts";

describe("hosts no registered organization matches", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  // A /16 of 10/8 of this run's own, so no other test's registry covers it.
  const net = `10.${randomInt(0, 256)}`;
  const tag = randomUUID().slice(0, 8);
  const mail = {
    hoster: `abuse-${tag}@hoster.example`,
    customer: `noc-${tag}@customer.example`,
    transit: `abuse-${tag}@transit.example`,
  };
  const registered = `reg-${tag}@registered.example`;

  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
    await withClientTransaction(app.ctx.db.pool, (c) =>
      c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
    );
    const dump = [
      rpslObject(["role", "Hoster abuse"], ["nic-hdl", "HA1-RIPE"], ["abuse-mailbox", mail.hoster]),
      rpslObject(["role", "Customer NOC"], ["nic-hdl", "CN1-RIPE"], ["abuse-mailbox", mail.customer]),
      rpslObject(["role", "Transit abuse"], ["nic-hdl", "TA1-RIPE"], ["abuse-mailbox", mail.transit]),
      rpslObject(["organisation", "ORG-H1-RIPE"], ["org-name", "Hoster"], ["abuse-c", "HA1-RIPE"]),
      rpslObject(
        ["inetnum", `${net}.0.0 - ${net}.0.255`],
        ["netname", "HOSTER-NET"],
        ["country", "GB"],
        ["org", "ORG-H1-RIPE"],
      ),
      rpslObject(
        ["inetnum", `${net}.1.0 - ${net}.1.127`],
        ["netname", "CUSTOMER-NET"],
        ["country", "LU"],
        ["abuse-c", "CN1-RIPE"],
      ),
      rpslObject(["aut-num", "AS4200000042"], ["as-name", "TRANSIT"], ["abuse-c", "TA1-RIPE"]),
    ].join("");
    await importRipeText(app, dump);
  });
  afterAll(async () => {
    await withClientTransaction(app.ctx.db.pool, (c) =>
      c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
    );
    await app.close();
  });

  it("reach the abuse contact of their range or ASN: one notice per mailbox, written for the operator, once", async () => {
    const ndjson = JSON.stringify({
      name: `Registered ${tag}`,
      sector: "energy",
      country: "BE",
      language: "en",
      contacts: [{ email: registered, role: "abuse" }],
      cidrs: [`${net}.0.0/26`],
    });
    const imported = await app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...bearer(admin), "content-type": "application/x-ndjson" },
      payload: ndjson,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const campaign = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Reach ${tag}`, severity: "high", tlp: "AMBER" },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json().id;
    const csv = [
      "ip,port,asn",
      `${net}.0.5,443,`, // the registered organization's network
      `${net}.0.70,443,`, // the hoster's range
      `${net}.0.71,443,`,
      `${net}.1.9,443,`, // the customer's own range, inside the hoster's /16 of this test
      `192.0.2.${randomInt(1, 255)},443,4200000042`, // outside every range: the ASN's contact
      `${net}.200.1,443,`, // nobody
    ].join("\n");
    const body = listUpload(csv, { campaignId });
    const up = await app.inject({
      method: "POST",
      url: "/api/lists",
      payload: body.payload,
      headers: { ...body.headers, ...bearer(analyst) },
    });
    expect(up.statusCode, up.body).toBe(201);
    const list = (
      await app.inject({ method: "GET", url: `/api/lists/${up.json().id}`, headers: bearer(analyst) })
    ).json();
    const coverage = {
      registered: 1,
      abuseContact: 4,
      bySource: { override: 0, security_txt: 0, network: 3, asn: 1 },
      nobody: 1,
    };
    expect(list.summary.coverage).toEqual(coverage);
    // The campaign's hosts, the same.
    const detail = await app.inject({ method: "GET", url: `/api/campaigns/${campaignId}`, headers: bearer(analyst) });
    expect(detail.json().coverage).toEqual(coverage);
    const exposures = (
      await app.inject({
        method: "GET",
        url: `/api/lists/${up.json().id}/exposures?pageSize=50`,
        headers: bearer(analyst),
      })
    ).json().exposures;
    const hosted = exposures.find((e: { ip: string }) => e.ip === `${net}.0.70`);
    expect(hosted.matchReason).toBe("abuse_network");
    expect(hosted.candidates[0]).toMatchObject({
      reason: "abuse_network",
      detail: `ripe inetnum ${net}.0.0 - ${net}.0.255 (HOSTER-NET)`,
      organizationName: `${mail.hoster} (abuse contact)`,
    });

    // Each mailbox's language is its ranges' country's (NOTICE_LANGUAGE_BY_COUNTRY: LU is French, GB has
    // none), else English; an aut-num has no country.
    const made = await app.ctx.db.prisma.organization.findMany({
      where: { abuseMailbox: { in: Object.values(mail) } },
      select: { abuseMailbox: true, language: true, country: true },
    });
    expect(Object.fromEntries(made.map((o) => [o.abuseMailbox, [o.language, o.country]]))).toEqual({
      [mail.hoster]: ["en", "GB"],
      [mail.customer]: ["fr", "LU"],
      [mail.transit]: ["en", null],
    });

    // The registry's own listing shows registered organizations only.
    const registry = await app.inject({
      method: "GET",
      url: `/api/organizations?search=${tag}`,
      headers: bearer(analyst),
    });
    expect(registry.json().organizations.map((o: { name: string }) => o.name)).toEqual([`Registered ${tag}`]);

    const sink = await new SmtpSink().start();
    const worker = await startTestWorker(sink.url, { NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0" });
    try {
      const sent = await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/send`,
        headers: bearer(analyst),
      });
      expect(sent.statusCode, sent.body).toBe(202);
      expect(sent.json()).toMatchObject({ notices: 4, queued: 4 });
      await waitFor(() => sink.mails.length >= 4, { what: "four notices" });
      const to = (address: string) => sink.mails.filter((m) => m.envelope.to.includes(address));
      for (const address of [registered, mail.hoster, mail.customer, mail.transit]) expect(to(address)).toHaveLength(1);
      const hoster = to(mail.hoster)[0]!.parsed.text!.replace(/\s+/g, " ");
      expect(hoster).toContain("forward this message to the customer");
      expect(hoster).toContain(`${net}.0.70`);
      expect(hoster).toContain(`${net}.0.71`);
      expect(to(registered)[0]!.parsed.text!.replace(/\s+/g, " ")).not.toContain("forward this message");
      expect(to(mail.customer)[0]!.parsed.text!.replace(/\s+/g, " ")).toContain("transmettre ce message au client");

      const again = await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/send`,
        headers: bearer(analyst),
      });
      expect(again.json()).toMatchObject({ notices: 0 });
      await waitFor(
        async () => (await app.ctx.db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === 4,
        { what: "four notices sent" },
      );
      expect(sink.mails).toHaveLength(4);
    } finally {
      await worker.close();
      await sink.stop();
    }
  });

  it("an admin blocks an abuse mailbox (never matched again) and promotes another to a registered organization, audited", async () => {
    // Each upload on another port: the same file twice would be refused as uploaded before.
    let port = 8000;
    const upload = async () => {
      port++;
      const body = listUpload(["ip,port", `${net}.1.9,${port}`, `${net}.0.99,${port}`].join("\n"));
      const up = await app.inject({
        method: "POST",
        url: "/api/lists",
        payload: body.payload,
        headers: { ...body.headers, ...bearer(analyst) },
      });
      expect(up.statusCode, up.body).toBe(201);
      return up.json().id as string;
    };
    const summary = async (listId: string) =>
      (await app.inject({ method: "GET", url: `/api/lists/${listId}`, headers: bearer(analyst) })).json().summary;
    const listId = await upload();
    const orgs: { id: string; name: string; kind: string }[] = (await summary(listId)).organizations;
    const customer = orgs.find((o) => o.name === `${mail.customer} (abuse contact)`)!;
    const hoster = orgs.find((o) => o.name === `${mail.hoster} (abuse contact)`)!;
    expect([customer.kind, hoster.kind]).toEqual(["abuse_contact", "abuse_contact"]);

    const block = (id: string, staff: TestStaff, payload: Record<string, string>) =>
      app.inject({ method: "PUT", url: `/api/organizations/${id}/block`, headers: bearer(staff), payload });
    expect((await block(customer.id, analyst, { reason: "bounces" })).statusCode).toBe(403);
    const empty = await block(customer.id, admin, { reason: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("reason");
    const blocked = await block(customer.id, admin, { reason: "Mailbox bounces since 2021-03" });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json()).toMatchObject({
      kind: "abuse_contact",
      abuseMailbox: mail.customer,
      blockedReason: "Mailbox bounces since 2021-03",
    });
    expect(blocked.json().blockedAt).not.toBeNull();

    // Matching skips the blocked mailbox: matched again, its host reaches nobody; the hoster's is unchanged.
    const rematch = await app.inject({ method: "POST", url: `/api/lists/${listId}/rematch`, headers: bearer(analyst) });
    expect(rematch.statusCode, rematch.body).toBe(200);
    expect((await summary(listId)).coverage).toMatchObject({ abuseContact: 1, nobody: 1 });
    expect((await summary(await upload())).coverage).toMatchObject({ abuseContact: 1, nobody: 1 });

    const promote = (id: string, payload: Record<string, string>) =>
      app.inject({ method: "POST", url: `/api/organizations/${id}/promote`, headers: bearer(admin), payload });
    const promoted = await promote(hoster.id, { name: `Hoster ${tag}` });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ kind: "registered", name: `Hoster ${tag}`, abuseMailbox: mail.hoster });
    // Now the registry's: listed there, and not an abuse contact any more (blocking or promoting it again: 409).
    const registry = await app.inject({
      method: "GET",
      url: `/api/organizations?search=Hoster ${tag}`,
      headers: bearer(analyst),
    });
    expect(registry.json().organizations.map((o: { name: string }) => o.name)).toEqual([`Hoster ${tag}`]);
    expect((await promote(hoster.id, {})).statusCode).toBe(409);
    expect((await block(hoster.id, admin, { reason: "no" })).statusCode).toBe(409);
    expect((await promote(randomUUID(), {})).statusCode).toBe(404);

    const audit = await app.ctx.db.prisma.auditEvent.findMany({
      where: { subjectId: { in: [customer.id, hoster.id] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.subjectId, a.actorId])).toEqual([
      ["abuse_contact.block", customer.id, admin.id],
      ["abuse_contact.promote", hoster.id, admin.id],
    ]);
    expect(audit[0]!.details).toMatchObject({ mailbox: mail.customer, reason: "Mailbox bounces since 2021-03" });

    const unblocked = await app.inject({
      method: "DELETE",
      url: `/api/organizations/${customer.id}/block`,
      headers: bearer(admin),
    });
    expect(unblocked.json()).toMatchObject({ blockedAt: null, blockedReason: null });
    expect((await summary(await upload())).coverage).toMatchObject({ abuseContact: 2, registered: 0, nobody: 0 });
  });

  it("staff override a range's contact: before the RIPE contact, after a registered network; listed, removed, audited", async () => {
    const overrides = {
      customer: `override-${tag}@cert.example`,
      hoster: `hoster-override-${tag}@cert.example`,
    };
    const create = (staff: TestStaff, payload: Record<string, string>) =>
      app.inject({ method: "POST", url: "/api/contact-overrides", headers: bearer(staff), payload });
    expect((await create(analyst, { cidr: `${net}.1.0/25`, mailbox: overrides.customer })).statusCode).toBe(403);
    const hostBits = await create(admin, { cidr: `${net}.1.1/25`, mailbox: overrides.customer });
    expect(hostBits.statusCode).toBe(400);
    expect(hostBits.body).toContain("host bits");
    const both = await create(admin, { cidr: `${net}.1.0/25` });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain("organizationId");
    const made = await create(admin, { cidr: `${net}.1.0/25`, mailbox: overrides.customer, note: "CERT handles it" });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      cidr: `${net}.1.0/25`,
      organizationName: `${overrides.customer} (abuse contact)`,
      organizationKind: "abuse_contact",
      note: "CERT handles it",
      createdBy: admin.email,
    });
    expect((await create(admin, { cidr: `${net}.1.0/25`, mailbox: overrides.hoster })).statusCode).toBe(409);
    // A range a registered organization's network lies in: the registered network still wins.
    const wide = await create(admin, { cidr: `${net}.0.0/24`, mailbox: overrides.hoster });
    expect(wide.statusCode, wide.body).toBe(201);

    let port = 9000;
    const upload = async () => {
      port++;
      const csv = [
        "ip,port",
        `${net}.1.9,${port}`,
        `${net}.0.5,${port}`,
        `${net}.0.99,${port}`,
        `${net}.200.1,${port}`,
      ];
      const body = listUpload(csv.join("\n"));
      const up = await app.inject({
        method: "POST",
        url: "/api/lists",
        payload: body.payload,
        headers: { ...body.headers, ...bearer(analyst) },
      });
      expect(up.statusCode, up.body).toBe(201);
      const id = up.json().id as string;
      const list = (await app.inject({ method: "GET", url: `/api/lists/${id}`, headers: bearer(analyst) })).json();
      const exposures = (
        await app.inject({ method: "GET", url: `/api/lists/${id}/exposures?pageSize=50`, headers: bearer(analyst) })
      ).json().exposures as {
        ip: string;
        matchReason: string | null;
        candidates: { reason: string; detail: string; organizationName: string }[];
      }[];
      return { coverage: list.summary.coverage, at: (ip: string) => exposures.find((e) => e.ip === ip)! };
    };
    const first = await upload();
    expect(first.coverage).toEqual({
      registered: 1,
      abuseContact: 2,
      bySource: { override: 2, security_txt: 0, network: 0, asn: 0 },
      nobody: 1,
    });
    expect(first.at(`${net}.1.9`).candidates.map((c) => [c.reason, c.detail, c.organizationName])).toEqual([
      ["override", `override ${net}.1.0/25`, `${overrides.customer} (abuse contact)`],
      ["abuse_network", `ripe inetnum ${net}.1.0 - ${net}.1.127 (CUSTOMER-NET)`, `${mail.customer} (abuse contact)`],
    ]);
    expect(first.at(`${net}.0.99`).candidates[0]).toMatchObject({
      reason: "override",
      detail: `override ${net}.0.0/24`,
    });
    expect(first.at(`${net}.0.5`).matchReason).toBe("network");

    const listed = await app.inject({ method: "GET", url: "/api/contact-overrides", headers: bearer(analyst) });
    expect(listed.json().overrides.map((o: { cidr: string }) => o.cidr)).toEqual([`${net}.0.0/24`, `${net}.1.0/25`]);
    const remove = (id: string, staff: TestStaff) =>
      app.inject({ method: "DELETE", url: `/api/contact-overrides/${id}`, headers: bearer(staff) });
    expect((await remove(made.json().id, analyst)).statusCode).toBe(403);
    expect((await remove(made.json().id, admin)).statusCode).toBe(204);
    expect((await remove(made.json().id, admin)).statusCode).toBe(404);

    // Removed: the customer's range reaches its RIPE abuse contact again.
    const second = await upload();
    expect(second.at(`${net}.1.9`).matchReason).toBe("abuse_network");
    expect(second.coverage.bySource).toMatchObject({ override: 1, network: 1 });

    const audit = await app.ctx.db.prisma.auditEvent.findMany({
      where: { subjectType: "contact_override", subjectId: { in: [made.json().id, wide.json().id] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.subjectId, a.actorId])).toEqual([
      ["contact_override.create", made.json().id, admin.id],
      ["contact_override.create", wide.json().id, admin.id],
      ["contact_override.delete", made.json().id, admin.id],
    ]);
    expect((await remove(wide.json().id, admin)).statusCode).toBe(204);
  });
});
