import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";

describe("an organization's past notices and answers", () => {
  let app: App;
  let viewer: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    viewer = await signIn(app, "viewer");
  });
  afterAll(() => app.close());

  it("lists its notices newest first with the campaign and each answer, and nothing of another organization", async () => {
    const { prisma } = app.ctx.db;
    const run = randomUUID().slice(0, 8);
    const org = await prisma.organization.create({ data: { name: `Gemeente Schelde ${run}`, language: "nl" } });
    const other = await prisma.organization.create({ data: { name: `Commune Meuse ${run}`, language: "fr" } });
    const campaign = await prisma.campaign.create({ data: { name: `ProxyLogon ${run}` } });
    const notice = (organizationId: string, n: number, at: Date) =>
      prisma.notice.create({
        data: {
          reference: `BAKEN#20210310-${run}${n}`,
          campaignId: campaign.id,
          organizationId,
          recipients: ["abuse@schelde.example"],
          language: "nl",
          status: "sent",
          hostCount: 2,
          createdAt: at,
          sentAt: at,
        },
      });
    const first = await notice(org.id, 1, new Date("2021-03-10T10:00:00Z"));
    const reminder = await notice(org.id, 2, new Date("2021-03-17T10:00:00Z"));
    await notice(other.id, 3, new Date("2021-03-10T10:00:00Z"));
    const host = await prisma.campaignHost.create({
      data: {
        campaignId: campaign.id,
        hostKey: `198.18.16.4|443|${run}`,
        ip: "198.18.16.4",
        port: 443,
        organizationId: org.id,
        firstSeenAt: new Date("2021-03-09T06:00:00Z"),
        lastSeenAt: new Date("2021-03-09T06:00:00Z"),
        lastListId: randomUUID(),
        noticeId: first.id,
      },
    });
    await prisma.remediationReply.create({
      data: { noticeId: first.id, hostId: host.id, answer: "patched", compromise: "no", comment: "Gepatcht" },
    });
    await prisma.remediationReply.create({ data: { noticeId: first.id, answer: "investigating" } });

    const res = await app.inject({ url: `/api/organizations/${org.id}/notices`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const { notices } = res.json();
    expect(notices.map((n: { id: string }) => n.id)).toEqual([reminder.id, first.id]);
    expect(notices[1]).toMatchObject({
      reference: first.reference,
      campaign: { id: campaign.id, name: campaign.name },
      kind: "initial",
      status: "sent",
      sentAt: "2021-03-10T10:00:00.000Z",
    });
    expect(notices[1].answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ answer: "patched", compromise: "no", host: "198.18.16.4:443", comment: "Gepatcht" }),
        expect.objectContaining({ answer: "investigating", host: null }),
      ]),
    );
    expect(notices[0].answers).toEqual([]);
  });

  it("answers 404 for an unknown organization and 401 without a session", async () => {
    const unknown = await app.inject({ url: `/api/organizations/${randomUUID()}/notices`, headers: bearer(viewer) });
    expect(unknown.statusCode).toBe(404);
    expect((await app.inject({ url: `/api/organizations/${randomUUID()}/notices` })).statusCode).toBe(401);
  });
});
