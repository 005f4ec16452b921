import { loadConfig } from "@baken/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { buildTestApp } from "../helper.ts";
import { tidyHtml } from "../html.ts";
import { answer, openPage, postForm } from "./owner-forms.ts";
import { daysAgo, seedCampaign, seedHosts, seedNotice, seedNotified, seedOrganization } from "./seed.ts";

describe("the owner's page", () => {
  let app: App;
  const config = loadConfig();
  beforeAll(async () => {
    app = await buildTestApp({ OWNER_PAGE_RATE_LIMIT_PER_MINUTE: "10000" });
  });
  afterAll(() => app.close());
  const prisma = () => app.ctx.db.prisma;

  it("shows, in the notice's language, the campaign and only its organization's hosts", async () => {
    const seeded = await seedNotified(prisma(), config, {
      language: "fr",
      hosts: [
        { ip: "192.0.2.10", port: 443 },
        { ip: "192.0.2.11", port: 8443, hostname: "mail.exemple.test" },
      ],
    });
    // Another organization's host in the same campaign, and one of the same organization in another campaign.
    const other = await seedOrganization(prisma());
    await seedHosts(prisma(), { campaignId: seeded.campaign.id, organizationId: other.id }, [{ ip: "203.0.113.99" }]);
    const elsewhere = await seedNotified(prisma(), config, { hosts: [{ ip: "203.0.113.77" }] });
    await prisma().campaignHost.updateMany({
      where: { campaignId: elsewhere.campaign.id },
      data: { organizationId: seeded.organization.id },
    });

    const res = await app.inject({ url: `/r/${seeded.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain(seeded.campaign.name);
    expect(res.body).toContain(seeded.organization.name);
    expect(res.body).toContain("Votre serveur Exchange peut être pris en main à distance.");
    expect(res.body).toContain("Installez les correctifs de mars 2021.");
    expect(res.body).toContain("TLP:AMBER");
    expect(res.body).toContain(seeded.notice.reference);
    expect(res.body).toContain("192.0.2.10");
    expect(res.body).toContain("192.0.2.11");
    expect(res.body).toContain("mail.exemple.test");
    expect(res.body).not.toContain("203.0.113.99");
    expect(res.body).not.toContain("203.0.113.77");
    expect(res.body).not.toContain(other.name);
    // Nothing from elsewhere: no script, no stylesheet or image to fetch, forms post to this page only.
    expect(res.body).not.toMatch(/<script|<link |<img|<iframe| src=/i);
    expect([...res.body.matchAll(/action="([^"]+)"/g)].map((m) => m[1])).toEqual([
      `/r/${seeded.token}?lang=fr`,
      `/r/${seeded.token}?lang=fr`,
    ]);
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");

    const de = await app.inject({ url: `/r/${seeded.token}?lang=de` });
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).toContain("Eine Rückmeldung für alle Systeme");
    // The campaign has no German advice: English is shown.
    expect(de.body).toContain("Your Exchange server can be taken over.");
  });

  it("labels every form control, for screen readers and keyboards", async () => {
    const { token, hosts } = await seedNotified(prisma(), config, { language: "nl" });
    const body = tidyHtml((await app.inject({ url: `/r/${token}` })).body);
    for (const h of hosts) {
      for (const field of ["answer", "compromise", "comment"]) {
        expect(body).toContain(`<label for="${field}-${h.id}">`);
        expect(body).toMatch(new RegExp(`id="${field}-${h.id}" name="${field}-${h.id}"`));
      }
    }
    expect(body).toContain('<label for="all-comment">');
    expect(body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />');
    expect(body.match(/<fieldset/g)!.length).toBeGreaterThanOrEqual(3 + hosts.length);
  });

  it("refuses another organization's host id in the form, storing nothing", async () => {
    const mine = await seedNotified(prisma(), config);
    const theirs = await seedNotified(prisma(), config, { campaignId: mine.campaign.id });
    const res = await answer(app, mine.token, {
      scope: "hosts",
      [`answer-${mine.hosts[0]!.id}`]: "patched",
      [`answer-${theirs.hosts[0]!.id}`]: "not_ours",
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("These systems are not part of this notice");
    expect(
      await prisma().remediationReply.count({ where: { noticeId: { in: [mine.notice.id, theirs.notice.id] } } }),
    ).toBe(0);
    const hosts = await prisma().campaignHost.findMany({ where: { campaignId: mine.campaign.id } });
    expect(hosts.every((h) => h.answer === null && h.state === "notified")).toBe(true);

    // The same organization's host in another campaign is just as foreign to this notice.
    const otherCampaign = await seedCampaign(prisma());
    const elsewhere = await seedHosts(
      prisma(),
      { campaignId: otherCampaign.id, organizationId: mine.organization.id },
      [{}],
    );
    const again = await answer(app, mine.token, { scope: "hosts", [`answer-${elsewhere[0]!.id}`]: "patched" });
    expect(again.statusCode).toBe(403);
    expect(await prisma().remediationReply.count({ where: { hostId: elsewhere[0]!.id } })).toBe(0);
  });

  it("answers unknown, expired, revoked and malformed links with the same 404 page", async () => {
    const campaign = await seedNotified(prisma(), config);
    const org = await seedOrganization(prisma());
    const expired = await seedNotice(prisma(), config, {
      campaignId: campaign.campaign.id,
      organizationId: org.id,
      expiresAt: daysAgo(1),
    });
    const revoked = await seedNotice(prisma(), config, {
      campaignId: campaign.campaign.id,
      organizationId: org.id,
      revokedAt: daysAgo(0),
    });
    const urls = [
      `/r/${expired.token}`,
      `/r/${revoked.token}`,
      `/r/${"A".repeat(43)}`,
      "/r/x",
      // (longer than a route parameter may be: Fastify answers 414 before any route; no token is that long)
      `/r/${"y".repeat(99)}`,
      `/r/${campaign.token}/elsewhere`,
      "/r/",
      "/r",
    ];
    const bodies = new Set<string>();
    for (const url of urls) {
      const res = await app.inject({ url, headers: { "accept-language": "nl-BE,nl;q=0.9" } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("text/html");
      bodies.add(res.body);
    }
    expect(bodies.size).toBe(1);
    const [body] = [...bodies];
    expect(body).toContain("Deze link is niet geldig");
    expect(body).toContain(config.cert.phone);
    expect(body).toContain(config.mail.replyTo);

    // Posting to an expired link stores nothing either.
    const fields = { scope: "all", answer: "patched", formToken: "x" };
    const post = await postForm(app, `/r/${expired.token}`, fields);
    expect(post.statusCode).toBe(404);
    expect(await prisma().remediationReply.count({ where: { noticeId: expired.notice.id } })).toBe(0);
  });

  it("refuses a form without a valid form token (CSRF) or from a page too old", async () => {
    const { token, notice, hosts } = await seedNotified(prisma(), config);
    const { form } = await openPage(app, `/r/${token}`);
    const fields = { scope: "hosts", [`answer-${hosts[0]!.id}`]: "patched" };
    const forged = await postForm(app, `/r/${token}`, fields);
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("This form has expired");
    const [issuedAt, nonce, mac] = form.formToken.split(".");
    const later = (parseInt(issuedAt!, 36) + 1).toString(36);
    const altered = await postForm(app, `/r/${token}`, { ...fields, formToken: `${later}.${nonce}.${mac}` });
    expect(altered.statusCode).toBe(403);
    const otherLink = await seedNotified(prisma(), config);
    const { form: otherForm } = await openPage(app, `/r/${otherLink.token}`);
    expect((await postForm(app, `/r/${token}`, { ...fields, ...otherForm })).statusCode).toBe(403);
    expect(await prisma().remediationReply.count({ where: { noticeId: notice.id } })).toBe(0);
  });

  it("stores answers per host and for all, with time and address, keeps the history and lets them change", async () => {
    const { token, notice, hosts } = await seedNotified(prisma(), config, { language: "fr", hosts: [{}, {}, {}] });
    const [a, b, c] = hosts as [(typeof hosts)[0], (typeof hosts)[0], (typeof hosts)[0]];

    const first = await answer(
      app,
      token,
      {
        scope: "hosts",
        [`answer-${a.id}`]: "patched",
        [`compromise-${a.id}`]: "no",
        [`comment-${a.id}`]: "mis à jour",
        [`answer-${b.id}`]: "",
      },
      "203.0.113.5",
    );
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/r/${token}/done?lang=fr`);
    let rows = await prisma().campaignHost.findMany({
      where: { id: { in: [a.id, b.id, c.id] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((h) => [h.state, h.answer, h.compromise])).toEqual([
      ["remediated", "patched", "no"],
      ["notified", null, null],
      ["notified", null, null],
    ]);

    const done = await app.inject({ url: first.headers.location as string });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Merci\u202f: votre réponse est enregistrée");
    expect(done.body).toContain("Corrigé\u202f: mis à jour vers une version sûre");

    const all = await answer(
      app,
      token,
      { scope: "all", answer: "mitigated", compromise: "yes", comment: "pare-feu" },
      "203.0.113.6",
    );
    expect(all.statusCode).toBe(303);
    rows = await prisma().campaignHost.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: "asc" } });
    // Compromise is asked for patched hosts only: a mitigated host has none.
    expect(rows.map((h) => [h.state, h.answer, h.compromise, h.flagged])).toEqual([
      ["remediated", "mitigated", null, false],
      ["remediated", "mitigated", null, false],
      ["remediated", "mitigated", null, false],
    ]);

    const changed = await answer(app, token, {
      scope: "hosts",
      [`answer-${b.id}`]: "not_ours",
      betterContact: "noc@autre.example",
    });
    expect(changed.statusCode).toBe(303);
    const bNow = await prisma().campaignHost.findUniqueOrThrow({ where: { id: b.id } });
    expect([bNow.state, bNow.answer]).toEqual(["not_ours", "not_ours"]);
    expect(bNow.answeredAt!.getTime()).toBeGreaterThan(rows[1]!.answeredAt!.getTime());

    const history = await prisma().remediationReply.findMany({
      where: { noticeId: notice.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(history.map((r) => [r.hostId, r.answer, r.comment, r.clientIp, r.betterContact])).toEqual([
      [a.id, "patched", "mis à jour", "203.0.113.5", null],
      [a.id, "mitigated", "pare-feu", "203.0.113.6", null],
      [b.id, "mitigated", "pare-feu", "203.0.113.6", null],
      [c.id, "mitigated", "pare-feu", "203.0.113.6", null],
      [b.id, "not_ours", null, "127.0.0.1", "noc@autre.example"],
    ]);
    expect(history[0]!.compromise).toBe("no");
  });

  it("flags compromise found and calls for help, audits them and offers the incident form", async () => {
    const { token, notice, hosts, campaign } = await seedNotified(prisma(), config, {
      language: "fr",
      hosts: [{}, {}, {}],
    });
    const [a, b, c] = hosts as [(typeof hosts)[0], (typeof hosts)[0], (typeof hosts)[0]];
    const before = await app.inject({ url: `/r/${token}` });
    expect(before.body).not.toContain("/report?");

    const res = await answer(app, token, {
      scope: "hosts",
      [`answer-${a.id}`]: "patched",
      [`compromise-${a.id}`]: "yes",
      [`answer-${b.id}`]: "needs_help",
      [`answer-${c.id}`]: "patched",
      [`compromise-${c.id}`]: "no",
    });
    expect(res.statusCode).toBe(303);
    const rows = await prisma().campaignHost.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
    expect(rows.map((h) => [h.id, h.flagged, h.state])).toEqual([
      [a.id, true, "remediated"],
      [b.id, true, "notified"],
      [c.id, false, "remediated"],
    ]);
    const audit = await prisma().auditEvent.findMany({ where: { action: "remediation.flag", subjectId: notice.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();
    expect(audit[0]!.details).toMatchObject({
      campaignId: campaign.id,
      hosts: [
        { hostId: a.id, answer: "patched", compromise: "yes" },
        { hostId: b.id, answer: "needs_help", compromise: null },
      ],
    });

    const reportHref = `/report?${new URLSearchParams({ ref: notice.reference, lang: "fr" })}`.replaceAll("&", "&amp;");
    const done = await app.inject({ url: res.headers.location as string });
    expect(done.body).toContain(`href="${reportHref}"`);
    expect(done.body).toContain("Signaler un incident");
    const page = await app.inject({ url: `/r/${token}` });
    expect(page.body).toContain(`href="${reportHref}"`);
  });

  it("re-shows the form with translated errors and keeps what was typed", async () => {
    const { token, notice, hosts } = await seedNotified(prisma(), config, { language: "de" });
    const res = await answer(app, token, { scope: "hosts", [`comment-${hosts[0]!.id}`]: "ohne Antwort" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Bitte korrigieren Sie Folgendes:");
    expect(res.body).toContain("Wählen Sie eine Rückmeldung.");
    expect(res.body).toContain('value="ohne Antwort"');
    expect(res.body).toContain('role="alert"');
    const none = await answer(app, token, { scope: "all" });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Wählen Sie eine Rückmeldung.");
    expect(await prisma().remediationReply.count({ where: { noticeId: notice.id } })).toBe(0);

    // Too long a comment and contact on the per-host form: each control says it is wrong, and where why.
    const id = hosts[0]!.id;
    const long = await answer(app, token, {
      scope: "hosts",
      [`answer-${id}`]: "not_ours",
      [`comment-${id}`]: "x".repeat(2001),
      betterContact: "y".repeat(321),
    });
    expect(long.statusCode).toBe(400);
    const page = tidyHtml(long.body);
    for (const control of [`comment-${id}`, "hosts-contact"]) {
      expect(page).toMatch(new RegExp(`id="${control}"[^>]*aria-invalid="true" aria-describedby="${control}-error"`));
      expect(page).toContain(`<p class="error" id="${control}-error">`);
    }
  });

  it("shows staff's 'still seen' and 'gone' back to the owner", async () => {
    const { token } = await seedNotified(prisma(), config, {
      hosts: [
        { ip: "192.0.2.200", state: "remediated", answer: "patched", answeredAt: daysAgo(5), lastSeenAt: daysAgo(1) },
        { ip: "192.0.2.201", state: "gone", goneAt: daysAgo(2) },
      ],
    });
    const { body } = await app.inject({ url: `/r/${token}?lang=en` });
    expect(body).toContain("Still seen by our scan on");
    expect(body).toContain("No longer seen since");
  });
});

describe("the owner's page rate limit", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ OWNER_PAGE_RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(() => app.close());

  it("slows down one address asking too often, with a page, not JSON", async () => {
    const config = loadConfig();
    const { token } = await seedNotified(app.ctx.db.prisma, config);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await app.inject({ url: `/r/${token}`, remoteAddress: "198.18.0.7" })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject({
      url: `/r/${token}`,
      remoteAddress: "198.18.0.7",
      headers: { "accept-language": "fr" },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toContain("text/html");
    expect(limited.body).toContain("Trop de requêtes");
    // Another address is not affected.
    expect((await app.inject({ url: `/r/${token}`, remoteAddress: "198.18.0.8" })).statusCode).toBe(200);
  });
});
