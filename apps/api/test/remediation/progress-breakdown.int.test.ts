import { planPastCampaign, seedPastCampaign, type PastHost, type PastOrganization } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "../helper.ts";

const SECTORS = ["health", "energy", "local government", null] as const;
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
};
const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3600_000;
const isOpen = (h: PastHost) =>
  !h.goneAt && (!h.replies.at(-1) || ["investigating", "needs_help"].includes(h.replies.at(-1)!.answer));

/** What the breakdown must say of a set of hosts, worked out from the plan rather than from the database. */
function expected(hosts: PastHost[]) {
  return {
    hosts: hosts.length,
    notified: hosts.length,
    answered: hosts.filter((h) => h.replies.length > 0).length,
    gone: hosts.filter((h) => h.goneAt).length,
    stillOpen: hosts.filter(isOpen).length,
    medianHoursToAnswer: median(
      hosts.filter((h) => h.replies[0]).map((h) => hoursBetween(h.notifiedAt, h.replies[0]!.at)),
    ),
    medianHoursToGone: median(hosts.filter((h) => h.goneAt).map((h) => hoursBetween(h.notifiedAt, h.goneAt!))),
  };
}

describe("progress computed in the database, over a past campaign of four weeks", () => {
  let app: App;
  let viewer: TestStaff;
  let campaignId: string;
  let plan: ReturnType<typeof planPastCampaign>;
  const sectorOf = new Map<string, string | null>();
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    app = await buildTestApp();
    viewer = await signIn(app, "viewer");
    const orgs: PastOrganization[] = [];
    for (let i = 0; i < 120; i++) {
      const sector = SECTORS[i % SECTORS.length]!;
      const org = await app.ctx.db.prisma.organization.create({
        data: { name: `Past ${tag} ${i}`, language: (["nl", "fr", "de", "en"] as const)[i % 4], sector },
      });
      sectorOf.set(org.id, sector);
      orgs.push({ id: org.id, language: org.language });
    }
    plan = planPastCampaign({ organizations: orgs, seed: 7, name: `Past ${tag}` });
    campaignId = await seedPastCampaign(app.ctx.db, plan, orgs);
  });
  afterAll(() => app.close());

  it("draws a day per day from the first notice to today, ending where the hosts stand", async () => {
    const res = await app.inject({ url: `/api/campaigns/${campaignId}/progress`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const { days, totals, medianHoursToAnswer } = res.json();
    expect(days.length).toBeGreaterThanOrEqual(24);
    const firstNotice = Math.min(...plan.hosts.map((h) => h.notifiedAt.getTime()));
    expect(days[0].day).toBe(new Date(firstNotice).toISOString().slice(0, 10));
    expect(days.at(-1).day).toBe(new Date().toISOString().slice(0, 10));
    const all = expected(plan.hosts);
    expect(days.at(-1)).toMatchObject({ notified: all.notified, answered: all.answered, gone: all.gone });
    expect(totals).toMatchObject({ hosts: all.hosts, gone: all.gone, stillOpen: all.stillOpen });
    expect(medianHoursToAnswer).toBeCloseTo(all.medianHoursToAnswer!, 1);
    // The curve rises: a host gone stays counted until today.
    for (let i = 1; i < days.length; i++) expect(days[i].gone).toBeGreaterThanOrEqual(days[i - 1].gone);
  });

  it("breaks the figures down per organization, most still open first, one page at a time", async () => {
    const orgCount = new Set(plan.hosts.map((h) => h.organizationId)).size;
    const first = await app.inject({
      url: `/api/campaigns/${campaignId}/progress/organizations?pageSize=50`,
      headers: bearer(viewer),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.total).toBe(orgCount);
    expect(page1.items).toHaveLength(50);
    const open = page1.items.map((o: { stillOpen: number }) => o.stillOpen);
    expect(open).toEqual([...open].sort((a, b) => b - a));
    const last = await app.inject({
      url: `/api/campaigns/${campaignId}/progress/organizations?pageSize=50&page=3`,
      headers: bearer(viewer),
    });
    expect(last.json().items).toHaveLength(orgCount - 100);
    for (const o of [...page1.items, ...last.json().items]) {
      const want = expected(plan.hosts.filter((h) => h.organizationId === o.id));
      expect(o).toMatchObject({
        hosts: want.hosts,
        answered: want.answered,
        gone: want.gone,
        stillOpen: want.stillOpen,
        sector: sectorOf.get(o.id),
      });
    }
    const health = await app.inject({
      url: `/api/campaigns/${campaignId}/progress/organizations?sector=health&pageSize=500`,
      headers: bearer(viewer),
    });
    expect(health.json().items.every((o: { sector: string }) => o.sector === "health")).toBe(true);
    const none = await app.inject({
      url: `/api/campaigns/${campaignId}/progress/organizations?sector=&pageSize=500`,
      headers: bearer(viewer),
    });
    expect(none.json().total).toBe(30);
  });

  it("breaks the figures down per sector, with the medians of each", async () => {
    const res = await app.inject({ url: `/api/campaigns/${campaignId}/progress/sectors`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const { sectors } = res.json();
    expect(sectors.map((s: { sector: string | null }) => s.sector).sort()).toEqual(
      ["energy", "health", "local government", null].sort(),
    );
    for (const s of sectors) {
      const want = expected(plan.hosts.filter((h) => sectorOf.get(h.organizationId) === s.sector));
      expect(s).toMatchObject({ hosts: want.hosts, gone: want.gone, stillOpen: want.stillOpen, organizations: 30 });
      expect(s.medianHoursToAnswer).toBeCloseTo(want.medianHoursToAnswer!, 1);
      expect(s.medianHoursToGone).toBeCloseTo(want.medianHoursToGone!, 1);
    }
  });

  it("answers 404 for an unknown campaign", async () => {
    const res = await app.inject({
      url: `/api/campaigns/${randomUUID()}/progress/sectors`,
      headers: bearer(viewer),
    });
    expect(res.statusCode).toBe(404);
  });
});
