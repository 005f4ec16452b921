import { demoScenario, seedScenario, SmtpSink, waitFor, type CaughtMail } from "@baken/testing";
import { strFromU8, unzipSync } from "fflate";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";

const exchange = {
  name: "Exchange ProxyLogon",
  cves: ["CVE-2021-26855", "cve-2021-26857", "CVE-2021-26858", "CVE-2021-27065"],
  rsitClass: "vulnerable",
  rsitType: "vulnerable-system",
  severity: "critical",
  tlp: "AMBER_STRICT",
  compromiseSince: "2021-01-01T00:00:00Z",
  advice: {
    fr: {
      summary: "Les serveurs Exchange sans les mises à jour de mars 2021 peuvent être pris en main à distance.",
      actions: [
        "Installez la dernière mise à jour cumulative.",
        "Réinitialisez les mots de passe des comptes utilisés sur le serveur.",
      ],
      compromiseCheck:
        "recherchez depuis le {since} des web shells et des connexions depuis des adresses IP étrangères inconnues.",
      links: [{ label: "Microsoft", url: "https://msrc.microsoft.com/blog/2021/03/" }],
    },
  },
};

/** The CSV rows of a caught notice, zipped or not, header first. */
function attachmentRows(mail: CaughtMail): string[][] {
  const a = mail.parsed.attachments.find((x) => /\.(csv|zip)$/.test(x.filename ?? ""))!;
  const csv = a.filename!.endsWith(".zip")
    ? strFromU8(Object.values(unzipSync(new Uint8Array(a.content)))[0]!)
    : a.content.toString("utf8");
  return csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) =>
      line
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .slice(0, 7)
        .map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')),
    );
}

describe("campaign routes", () => {
  let app: App;
  let analyst: TestStaff;
  let viewer: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
    viewer = await signIn(app, "viewer");
  });
  afterAll(() => app.close());

  it("creates, reads, changes and deletes a campaign; viewers only read", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: exchange,
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      name: "Exchange ProxyLogon",
      tlp: "AMBER_STRICT",
      severity: "critical",
      compromiseSince: "2021-01-01T00:00:00.000Z",
    });
    expect(c.cves).toEqual(["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065"]);
    expect(c.advice.fr.actions).toHaveLength(2);

    expect(
      (await app.inject({ method: "POST", url: "/api/campaigns", headers: bearer(viewer), payload: exchange }))
        .statusCode,
    ).toBe(403);
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/campaigns/${c.id}`,
      headers: bearer(analyst),
      payload: { tlp: "RED", severity: "high" },
    });
    expect(patched.json()).toMatchObject({ tlp: "RED", severity: "high", name: "Exchange ProxyLogon" });

    const detail = await app.inject({ url: `/api/campaigns/${c.id}`, headers: bearer(viewer) });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: c.id, hosts: { open: 0, notified: 0 }, notices: { sent: 0 } });
    const list = await app.inject({ url: "/api/campaigns?limit=500", headers: bearer(viewer) });
    expect(list.json().campaigns.map((x: { id: string }) => x.id)).toContain(c.id);

    const audit = await app.ctx.db.prisma.auditEvent.findMany({ where: { subjectId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["campaign.create", "campaign.update"]);

    expect(
      (await app.inject({ method: "DELETE", url: `/api/campaigns/${c.id}`, headers: bearer(analyst) })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: `/api/campaigns/${c.id}`, headers: bearer(viewer) })).statusCode).toBe(404);
  });

  it("refuses bad input with the field named", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: "x", cves: ["CVE-21-1"], tlp: "PURPLE", advice: { fr: { summary: "" } } },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["body.cves.0", "body.tlp", "body.advice.fr.summary"]));
  });

  it("sends the demo list: one mail per matched organization, right recipients, language, TLP and rows; never twice", async () => {
    const prefix = `demo${randomUUID().slice(0, 8)}`;
    const created = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { ...exchange, name: `Exchange ${prefix}` },
    });
    const campaignId = created.json().id as string;
    const scenario = demoScenario(prefix, 1170);
    await seedScenario(app.ctx.db, campaignId, scenario);
    const mailed = scenario.orgs.filter((o) => o.expected);
    const silent = scenario.orgs.filter((o) => !o.expected);
    expect(scenario.orgs.reduce((n, o) => n + o.hosts.length, 0) + scenario.unmatched.length).toBe(1170);

    // Preview: counts for all, the full mail for one organization, nothing stored.
    const one = mailed.find((o) => o.hosts.length > 1 && o.expected!.language === "fr")!;
    const preview = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/preview`,
      headers: bearer(viewer),
      payload: { organizationId: one.id },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.counts).toMatchObject({
      notices: mailed.length,
      noContact: silent.length,
      hosts: mailed.reduce((n, o) => n + o.hosts.length, 0),
    });
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]).toMatchObject({
      recipients: one.expected!.recipients,
      language: "fr",
      hostCount: one.hosts.length,
    });
    expect(p.notices[0].subject).toContain("TLP:AMBER+STRICT");
    expect(p.notices[0].text).toContain("Madame, Monsieur");
    expect(p.notices[0].attachment.rows.map((r: string[]) => r[3])).toEqual(one.hosts.map((h) => h.hostname));
    // The same notice as it would read in German: staff check every language before sending.
    const german = (
      await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/preview`,
        headers: bearer(viewer),
        payload: { organizationId: one.id, language: "de" },
      })
    ).json();
    expect(german.notices[0]).toMatchObject({ language: "de", recipients: one.expected!.recipients });
    expect(german.notices[0].text).toContain("Sehr geehrte Damen und Herren,");
    expect(german.notices[0].text).not.toContain("Madame, Monsieur");
    expect(await app.ctx.db.prisma.notice.count({ where: { campaignId } })).toBe(0);
    const all = (
      await app.inject({ method: "POST", url: `/api/campaigns/${campaignId}/preview`, headers: bearer(viewer) })
    ).json();
    expect(all.notices).toHaveLength(20);
    expect(all.organizations).toHaveLength(mailed.length);

    const sink = await new SmtpSink().start();
    const worker = await startTestWorker(sink.url, { NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0", SMTP_POOL_SIZE: "5" });
    try {
      const sent = await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/send`,
        headers: bearer(analyst),
      });
      expect(sent.statusCode).toBe(202);
      expect(sent.json()).toMatchObject({ notices: mailed.length, noContact: silent.length, queued: mailed.length });
      expect(
        sent
          .json()
          .skipped.map((s: { organizationId: string }) => s.organizationId)
          .sort(),
      ).toEqual(silent.map((o) => o.id).sort());

      await waitFor(() => sink.mails.length >= mailed.length && sink.mails, {
        timeout: 60_000,
        what: `${mailed.length} mails`,
      });
      await waitFor(
        async () => (await app.ctx.db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === mailed.length,
        {
          what: "all notices recorded as sent",
        },
      );

      const byOrg = new Map<string, CaughtMail[]>();
      for (const mail of sink.mails) {
        const domain = mail.envelope.to[0]!.split("@")[1]!;
        byOrg.set(domain, [...(byOrg.get(domain) ?? []), mail]);
      }
      expect(sink.mails).toHaveLength(mailed.length);
      for (const org of mailed) {
        const domain = org.expected!.recipients[0]!.split("@")[1]!;
        const mails = byOrg.get(domain) ?? [];
        expect(mails, org.name).toHaveLength(1);
        const mail = mails[0]!;
        expect(mail.envelope.to).toEqual(org.expected!.recipients);
        expect(mail.parsed.subject).toMatch(/^\[BAKEN#\d{8}-\d{8}\] TLP:AMBER\+STRICT Exchange /);
        expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");
        expect(mail.parsed.replyTo?.text).toBe(app.ctx.config.mail.replyTo);
        expect(mail.parsed.html).toContain(`lang="${org.expected!.language}"`);
        const rows = attachmentRows(mail);
        expect(rows[0]).toEqual(["ip", "port", "protocol", "hostname", "seen_at", "tag", "version"]);
        expect(rows.slice(1).map((r) => r[0])).toEqual(org.hosts.map((h) => h.ip));
        expect(rows.slice(1).map((r) => r[3])).toEqual(
          org.hosts.map((h) => (h.hostname!.startsWith("=") ? `'${h.hostname}` : h.hostname)),
        );
      }
      const greeting = {
        nl: "Geachte heer, mevrouw",
        fr: "Madame, Monsieur",
        de: "Sehr geehrte Damen und Herren",
        en: "Dear Sir or Madam",
      };
      for (const org of mailed.slice(0, 40)) {
        const mail = byOrg.get(org.expected!.recipients[0]!.split("@")[1]!)![0]!;
        expect(mail.parsed.text).toContain(greeting[org.expected!.language]);
        expect(mail.parsed.text).toContain(`${app.ctx.config.publicBaseUrl}/r/`);
      }

      // Sending again: nothing new to say, nothing mailed.
      const again = await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/send`,
        headers: bearer(analyst),
      });
      expect(again.json()).toMatchObject({ notices: 0, hosts: 0, queued: 0, noContact: silent.length });
      const notices = await app.inject({
        url: `/api/campaigns/${campaignId}/notices?limit=5`,
        headers: bearer(viewer),
      });
      expect(notices.json().counts).toEqual({
        queued: 0,
        sending: 0,
        sent: mailed.length,
        failed: 0,
        bounced: 0,
        total: mailed.length,
      });
      expect(notices.json().delivery).toEqual({
        delivered: mailed.length,
        bounced: 0,
        redirected: 0,
        noContactLeft: 0,
      });
      expect(notices.json().notices[0]).toMatchObject({
        status: "sent",
        attempts: 1,
        smtpResponse: expect.stringContaining("250"),
      });
      expect(notices.json().notices[0].messageId).toMatch(/^<[0-9a-f-]{36}@baken\.example>$/);
      const detail = (await app.inject({ url: `/api/campaigns/${campaignId}`, headers: bearer(viewer) })).json();
      expect(detail.hosts).toMatchObject({
        notified: mailed.reduce((n, o) => n + o.hosts.length, 0),
        unmatched: scenario.unmatched.length,
      });
      expect(sink.mails).toHaveLength(mailed.length);

      const sends = await app.ctx.db.prisma.auditEvent.findMany({
        where: { subjectId: campaignId, action: "campaign.send" },
        orderBy: { id: "asc" },
      });
      expect(sends.map((a) => [a.actorId, (a.details as { notices: number }).notices])).toEqual([
        [analyst.id, mailed.length],
        [analyst.id, 0],
      ]);

      const nothingLeft = (
        await app.inject({ method: "POST", url: `/api/campaigns/${campaignId}/preview`, headers: bearer(viewer) })
      ).json();
      expect(nothingLeft).toMatchObject({ counts: { notices: 0, noContact: silent.length }, notices: [] });
      const del = await app.inject({ method: "DELETE", url: `/api/campaigns/${campaignId}`, headers: bearer(analyst) });
      expect(del.statusCode).toBe(409);
      expect(
        (await app.inject({ method: "POST", url: `/api/campaigns/${campaignId}/send`, headers: bearer(viewer) }))
          .statusCode,
      ).toBe(403);
    } finally {
      await worker.close();
      await sink.stop();
    }
  });
});
