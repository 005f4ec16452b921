import { loadConfig } from "@baken/config";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "../helper.ts";
import { answer } from "../remediation/owner-forms.ts";
import { seedNotice, seedNotified, seedOrganization } from "../remediation/seed.ts";

type Signal = {
  kind: string;
  subjectId: string;
  at: string;
  noticeId: string | null;
  reference: string | null;
  answer: string | null;
  compromise: string | null;
  count: number | null;
  detail: string | null;
  organization: { id: string; name: string } | null;
  handled: { note: string; by: { email: string } | null } | null;
};

describe("signals: what needs a person", () => {
  let app: App;
  let analyst: TestStaff;
  let viewer: TestStaff;
  const config = loadConfig();
  const prisma = () => app.ctx.db.prisma;

  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
    viewer = await signIn(app, "viewer");
  });
  afterAll(() => app.close());

  const list = async (query: string, who = analyst) => {
    const res = await app.inject({ url: `/api/signals?${query}`, headers: bearer(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; open: Record<string, number>; signals: Signal[] };
  };

  it("raises an owner's compromise, help and disputes from the owner page, newest first, one per answer", async () => {
    const { notice, token, hosts, organization } = await seedNotified(prisma(), config, {
      hosts: [{}, {}, {}],
    });
    const [a, b, c] = hosts;
    const res = await answer(app, token, {
      scope: "hosts",
      [`answer-${a!.id}`]: "patched",
      [`compromise-${a!.id}`]: "yes",
      [`comment-${a!.id}`]: "web shell found in aspnet_client",
      [`answer-${b!.id}`]: "not_ours",
      betterContact: "noc@other.example",
      [`answer-${c!.id}`]: "patched",
      [`compromise-${c!.id}`]: "no",
    });
    expect(res.statusCode, res.body).toBe(303);

    const alerts = (await list("kind=owner_alert&limit=200")).signals.filter((s) => s.noticeId === notice.id);
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: "owner_alert",
        reference: notice.reference,
        answer: "patched",
        compromise: "yes",
        comment: "web shell found in aspnet_client",
        count: 1,
        organization: { id: organization.id, name: organization.name },
        handled: null,
      }),
    ]);
    const claims = (await list("kind=owner_claim&limit=200")).signals.filter((s) => s.noticeId === notice.id);
    expect(claims).toEqual([expect.objectContaining({ answer: "not_ours", detail: "noc@other.example", count: 1 })]);
    // "patched, no compromise" needs nobody.
    expect((await list("state=all&limit=200")).signals.filter((s) => s.noticeId === notice.id)).toHaveLength(2);

    // An answer for all three hosts at once is one signal, counting three hosts.
    const again = await answer(app, token, { scope: "all", answer: "needs_help", comment: "we need help" });
    expect(again.statusCode).toBe(303);
    const [newest] = (await list("kind=owner_alert&limit=200")).signals.filter((s) => s.noticeId === notice.id);
    expect(newest).toMatchObject({ answer: "needs_help", count: 3, comment: "we need help" });
  });

  it("raises failed notices, new incident reports and lists with rejected rows", async () => {
    const campaign = (await seedNotified(prisma(), config)).campaign;
    const org = await seedOrganization(prisma());
    const { notice } = await seedNotice(prisma(), config, {
      campaignId: campaign.id,
      organizationId: org.id,
      status: "failed",
    });
    await prisma().notice.update({ where: { id: notice.id }, data: { lastError: "550 5.1.1 mailbox unknown" } });
    const list0 = await prisma().exposureList.create({
      data: {
        fileName: `scan-${randomUUID()}.csv`,
        sha256: randomUUID(),
        format: "csv",
        sizeBytes: 100,
        rowCount: 10,
        acceptedCount: 7,
        rejectedCount: 3,
        duplicateCount: 0,
      },
    });
    const report = await prisma().incidentReport.create({
      data: {
        reference: `CERT-2026-${String(900000 + Math.floor(Math.random() * 99999))}`,
        language: "en",
        reporterKind: "organization",
        reporterName: "A victim",
        reporterEmail: "victim@example.test",
        rsitClass: "intrusions",
        rsitType: "system-compromise",
        description: "our server was taken over",
      },
    });

    const open = (await list("limit=200")).signals;
    expect(open.find((s) => s.subjectId === notice.id)).toMatchObject({
      kind: "notice_failed",
      detail: "550 5.1.1 mailbox unknown",
    });
    expect(open.find((s) => s.subjectId === list0.id)).toMatchObject({ kind: "list_rejected", count: 3 });
    expect(open.find((s) => s.subjectId === report.id)).toMatchObject({
      kind: "report_new",
      reference: report.reference,
      detail: "intrusions / system-compromise",
    });
    // Newest first.
    const times = open.map((s) => s.at);
    expect([...times].sort().reverse()).toEqual(times);

    // A report once triaged no longer waits for anyone.
    await prisma().incidentReport.update({ where: { id: report.id }, data: { status: "triaged" } });
    expect((await list("state=all&limit=200")).signals.find((s) => s.subjectId === report.id)).toBeUndefined();
  });

  it("is handled once, with a note, by whom, audited; counts follow; viewers read but cannot handle", async () => {
    const { notice, token, hosts } = await seedNotified(prisma(), config, { hosts: [{}] });
    await answer(app, token, { scope: "hosts", [`answer-${hosts[0]!.id}`]: "needs_help" });
    const signal = (await list("kind=owner_alert&limit=200")).signals.find((s) => s.noticeId === notice.id)!;
    const before = await app.inject({ url: "/api/signals/counts", headers: bearer(viewer) });
    expect(before.statusCode).toBe(200);

    const url = `/api/signals/owner_alert/${signal.subjectId}/handle`;
    const denied = await app.inject({ method: "POST", url, headers: bearer(viewer), payload: { note: "x" } });
    expect(denied.statusCode).toBe(403);

    const handled = await app.inject({
      method: "POST",
      url,
      headers: bearer(analyst),
      payload: { note: "Called their IT lead; incident opened" },
    });
    expect(handled.statusCode, handled.body).toBe(200);
    const after = await app.inject({ url: "/api/signals/counts", headers: bearer(viewer) });
    expect(after.json().open.owner_alert).toBe(before.json().open.owner_alert - 1);
    expect(after.json().total).toBe(before.json().total - 1);

    expect((await list("kind=owner_alert&limit=200")).signals.find((s) => s.noticeId === notice.id)).toBeUndefined();
    const done = (await list("state=handled&kind=owner_alert&limit=200")).signals.find((s) => s.noticeId === notice.id);
    expect(done?.handled).toMatchObject({
      note: "Called their IT lead; incident opened",
      by: { email: analyst.email },
    });

    const twice = await app.inject({ method: "POST", url, headers: bearer(analyst), payload: { note: "again" } });
    expect(twice.statusCode).toBe(409);

    const events = await prisma().auditEvent.findMany({
      where: { action: "signal.handle", subjectType: "owner_alert", subjectId: signal.subjectId },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: analyst.id,
      details: { note: "Called their IT lead; incident opened" },
    });
  });

  it("answers 404 for a subject that raises no signal, and 400 for an unknown kind", async () => {
    const { notice } = await seedNotified(prisma(), config);
    const sent = await app.inject({
      method: "POST",
      url: `/api/signals/notice_failed/${notice.id}/handle`,
      headers: bearer(analyst),
      payload: {},
    });
    expect(sent.statusCode).toBe(404);
    const unknown = await app.inject({
      method: "POST",
      url: `/api/signals/weather/${notice.id}/handle`,
      headers: bearer(analyst),
      payload: {},
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toContain("kind");
  });
});
