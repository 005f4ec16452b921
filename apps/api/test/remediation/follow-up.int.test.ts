import { loadConfig } from "@baken/config";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "../helper.ts";
import { seedCampaign, seedHosts, seedNotice, seedOrganization, type HostSeed } from "./seed.ts";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
// Day 0 of the seeded campaign is four UTC days ago; at(d, h) is hour h of day d.
const now = new Date();
const day0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 4 * DAY;
const at = (d: number, h: number) => new Date(day0 + d * DAY + h * HOUR);
const dayName = (d: number) => new Date(day0 + d * DAY).toISOString().slice(0, 10);

type Reply = [answer: NonNullable<HostSeed["answer"]>, at: Date];

/**
 * A campaign whose history is known hour by hour, so every figure of the progress can be worked out by hand:
 * hosts, when notified, the owner's answers in order, and what the lists saw.
 */
async function seedHistory(app: App) {
  const prisma = app.ctx.db.prisma;
  const config = loadConfig();
  const campaign = await seedCampaign(prisma);
  const org = await seedOrganization(prisma);
  const other = await seedOrganization(prisma);
  const { notice } = await seedNotice(prisma, config, {
    campaignId: campaign.id,
    organizationId: org.id,
    createdAt: at(0, 10),
  });
  const plan: { key: string; org?: string; seed: HostSeed; replies: Reply[] }[] = [
    { key: "h1", seed: { notifiedAt: at(0, 10), lastSeenAt: at(0, 8) }, replies: [["patched", at(1, 9)]] },
    {
      key: "h2",
      seed: { notifiedAt: at(0, 10), lastSeenAt: at(0, 8) },
      replies: [
        ["investigating", at(1, 12)],
        ["patched", at(2, 8)],
      ],
    },
    { key: "h3", seed: { notifiedAt: at(0, 10), state: "gone", goneAt: at(2, 6) }, replies: [] },
    { key: "h4", seed: { notifiedAt: at(1, 10) }, replies: [] },
    { key: "h5", seed: { notifiedAt: at(1, 10) }, replies: [["needs_help", at(3, 10)]] },
    {
      key: "h6",
      seed: { notifiedAt: at(0, 10) },
      replies: [
        ["patched", at(1, 10)],
        ["investigating", at(3, 9)],
      ],
    },
    { key: "h7", seed: { noticeId: null }, replies: [] },
    { key: "h8", seed: { notifiedAt: at(0, 10) }, replies: [["not_ours", at(2, 10)]] },
    // claimed fixed on day 1, yet the day-3 list still had it
    {
      key: "h9",
      org: other.id,
      seed: { notifiedAt: at(0, 10), lastSeenAt: at(3, 7) },
      replies: [["patched", at(1, 11)]],
    },
  ];
  const hosts: Record<string, { id: number }> = {};
  for (const p of plan) {
    const last = p.replies.at(-1);
    const state =
      p.seed.state ??
      (!last
        ? undefined
        : ["patched", "mitigated"].includes(last[0])
          ? "remediated"
          : last[0] === "not_ours"
            ? "not_ours"
            : "notified");
    const [host] = await seedHosts(
      prisma,
      { campaignId: campaign.id, organizationId: p.org ?? org.id, noticeId: notice.id },
      [{ ...p.seed, state, answer: last?.[0], answeredAt: last?.[1] }],
    );
    hosts[p.key] = host!;
    if (p.replies.length) {
      await prisma.remediationReply.createMany({
        data: p.replies.map(([answer, when]) => ({ noticeId: notice.id, hostId: host!.id, answer, at: when })),
      });
    }
  }
  await prisma.campaignHost.update({ where: { id: hosts.h5!.id }, data: { flagged: true } });
  return { campaign, org, other, hosts };
}

describe("follow-up views for staff", () => {
  let app: App;
  let viewer: TestStaff;
  let history: Awaited<ReturnType<typeof seedHistory>>;
  beforeAll(async () => {
    app = await buildTestApp();
    viewer = await signIn(app, "viewer");
    history = await seedHistory(app);
  });
  afterAll(() => app.close());

  it("reports per-day progress, the remediation rate and median times", async () => {
    const res = await app.inject({ url: `/api/campaigns/${history.campaign.id}/progress`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toEqual([
      { day: dayName(0), notified: 6, answered: 0, claimedFixed: 0, gone: 0, stillOpen: 6 },
      { day: dayName(1), notified: 8, answered: 4, claimedFixed: 3, gone: 0, stillOpen: 5 },
      { day: dayName(2), notified: 8, answered: 5, claimedFixed: 4, gone: 1, stillOpen: 2 },
      { day: dayName(3), notified: 8, answered: 6, claimedFixed: 3, gone: 1, stillOpen: 3 },
      { day: dayName(4), notified: 8, answered: 6, claimedFixed: 3, gone: 1, stillOpen: 3 },
    ]);
    expect(body.totals).toEqual({
      hosts: 9,
      notified: 8,
      answered: 6,
      claimedFixed: 3,
      claimedFixedStillSeen: 1,
      gone: 1,
      notOurs: 1,
      stillOpen: 3,
      remediated: 3,
      flagged: 1,
    });
    expect(body.remediationRate).toBe(0.375);
    expect(body.goneRate).toBe(0.125);
    // first answers after 23, 24, 25, 26, 48 and 48 hours; gone after 44
    expect(body.medianHoursToAnswer).toBe(25.5);
    expect(body.medianHoursToGone).toBe(44);
  });

  it("reports an empty campaign without dividing by zero", async () => {
    const campaign = await seedCampaign(app.ctx.db.prisma);
    const res = await app.inject({ url: `/api/campaigns/${campaign.id}/progress`, headers: bearer(viewer) });
    expect(res.json()).toMatchObject({
      days: [],
      remediationRate: null,
      medianHoursToAnswer: null,
      medianHoursToGone: null,
    });
  });

  it("lists hosts with state, answer, flag, organization and 'claimed fixed, still seen'", async () => {
    const url = `/api/campaigns/${history.campaign.id}/hosts`;
    const all = await app.inject({ url, headers: bearer(viewer) });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(9);
    // flagged first
    expect(all.json().hosts[0]).toMatchObject({
      id: history.hosts.h5!.id,
      flagged: true,
      answer: "needs_help",
      state: "notified",
    });

    const stillSeen = await app.inject({ url: `${url}?stillSeen=true`, headers: bearer(viewer) });
    expect(stillSeen.json().hosts).toEqual([
      expect.objectContaining({
        id: history.hosts.h9!.id,
        state: "remediated",
        answer: "patched",
        claimedFixedStillSeen: true,
        organization: { id: history.other.id, name: history.other.name },
      }),
    ]);

    const remediated = await app.inject({ url: `${url}?state=remediated`, headers: bearer(viewer) });
    expect(
      remediated
        .json()
        .hosts.map((h: { id: number; claimedFixedStillSeen: boolean }) => [h.id, h.claimedFixedStillSeen]),
    ).toEqual(
      expect.arrayContaining([
        [history.hosts.h1!.id, false],
        [history.hosts.h2!.id, false],
        [history.hosts.h9!.id, true],
      ]),
    );
    expect(remediated.json().total).toBe(3);

    const ofOther = await app.inject({ url: `${url}?organizationId=${history.other.id}`, headers: bearer(viewer) });
    expect(ofOther.json().hosts.map((h: { id: number }) => h.id)).toEqual([history.hosts.h9!.id]);
    const flagged = await app.inject({ url: `${url}?flagged=true`, headers: bearer(viewer) });
    expect(flagged.json().total).toBe(1);
    const gone = await app.inject({ url: `${url}?state=gone`, headers: bearer(viewer) });
    expect(gone.json().hosts).toEqual([
      expect.objectContaining({ id: history.hosts.h3!.id, goneAt: at(2, 6).toISOString() }),
    ]);

    const page1 = await app.inject({ url: `${url}?pageSize=4&page=1`, headers: bearer(viewer) });
    const page3 = await app.inject({ url: `${url}?pageSize=4&page=3`, headers: bearer(viewer) });
    expect(page1.json().hosts).toHaveLength(4);
    expect(page3.json()).toMatchObject({ page: 3, pageSize: 4, total: 9 });
    expect(page3.json().hosts).toHaveLength(1);
  });

  it("counts a host claimed fixed that went away and came back as 'claimed fixed, still seen'", async () => {
    const prisma = app.ctx.db.prisma;
    const campaign = await seedCampaign(prisma);
    const organization = await seedOrganization(prisma);
    const { notice } = await seedNotice(prisma, loadConfig(), {
      campaignId: campaign.id,
      organizationId: organization.id,
    });
    const [back, quiet] = await seedHosts(
      prisma,
      { campaignId: campaign.id, organizationId: organization.id, noticeId: notice.id },
      [
        { state: "notified", answer: "mitigated", answeredAt: at(1, 0), lastSeenAt: at(3, 0) },
        { state: "notified", answer: "investigating", answeredAt: at(1, 0), lastSeenAt: at(3, 0) },
      ],
    );
    const res = await app.inject({
      url: `/api/campaigns/${campaign.id}/hosts?stillSeen=true`,
      headers: bearer(viewer),
    });
    expect(res.json().hosts.map((h: { id: number }) => h.id)).toEqual([back!.id]);
    const rest = await app.inject({
      url: `/api/campaigns/${campaign.id}/hosts?stillSeen=false`,
      headers: bearer(viewer),
    });
    expect(rest.json().hosts.map((h: { id: number }) => h.id)).toEqual([quiet!.id]);
    const progress = await app.inject({ url: `/api/campaigns/${campaign.id}/progress`, headers: bearer(viewer) });
    expect(progress.json().totals).toMatchObject({ claimedFixed: 1, claimedFixedStillSeen: 1, remediated: 0 });
  });

  it("answers 404 for an unknown campaign, 400 for a bad filter, 401 without sign-in", async () => {
    const unknown = randomUUID();
    expect((await app.inject({ url: `/api/campaigns/${unknown}/hosts`, headers: bearer(viewer) })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ url: `/api/campaigns/${unknown}/progress`, headers: bearer(viewer) })).statusCode).toBe(
      404,
    );
    const bad = await app.inject({
      url: `/api/campaigns/${history.campaign.id}/hosts?state=fixed`,
      headers: bearer(viewer),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("state");
    expect((await app.inject({ url: `/api/campaigns/${history.campaign.id}/hosts` })).statusCode).toBe(401);
  });
});
