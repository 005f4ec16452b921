import { parseIp } from "@baken/core";
import { createDb } from "@baken/db";
import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { addIdentifier, attachList, createOrganization, getMatcher, ingestList } from "../src/index.ts";
import { createBareNotice, useServicesContext } from "./services-context.ts";

const ctx = useServicesContext();
const actor = { id: null };

const net = () => `100.${64 + (randomBytes(1)[0]! & 63)}.${randomBytes(1)[0]}`;
const upload = (csv: string, campaignId?: string) =>
  ingestList(ctx, actor, {
    file: Readable.from([Buffer.from(`${csv}# ${randomUUID()}\n`)]),
    fileName: "scan.csv",
    meta: campaignId ? { campaignId } : {},
  });

async function hosts(campaignId: string) {
  const { rows } = await ctx.db.pool.query<{
    key: string;
    state: string;
    organizationId: string | null;
    lastSeen: Date;
    firstSeen: Date;
    goneAt: Date | null;
    lastListId: string;
  }>(
    `SELECT "host_key" AS key, "state"::text AS state, "organization_id" AS "organizationId", "last_seen_at" AS "lastSeen",
       "first_seen_at" AS "firstSeen", "gone_at" AS "goneAt", "last_list_id" AS "lastListId"
     FROM "campaign_host" WHERE "campaign_id" = $1 ORDER BY "host_key"`,
    [campaignId],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

describe("syncCampaignHosts", () => {
  it("tracks hosts across a campaign's lists: gone when absent, reopened when seen again, remediated kept", async () => {
    const n = net();
    const org = await createOrganization(ctx, actor, {
      name: `Hosts ${randomUUID()}`,
      cidrs: [`${n}.0/24`],
    });
    const campaign = await ctx.db.prisma.campaign.create({ data: { name: `c ${randomUUID()}`, cves: [] } });
    const notice = await createBareNotice(ctx, campaign.id, org.id);
    const key = (i: number) => `${n}.${i}|443|`;
    const unattached = await upload(`ip,port\n${n}.5,443\n`);

    const first = await upload(
      `timestamp,ip,port\n2021-03-09 06:00:00,${n}.1,443\n2021-03-09 06:00:00,${n}.2,443\n2021-03-09 06:00:00,${n}.3,443\n2021-03-09 06:00:00,${n}.4,443\n2021-03-09 07:00:00,${n}.4,443\n`,
      campaign.id,
    );
    expect(first).toMatchObject({
      accepted: 5,
      duplicates: 1,
      campaignHosts: { hosts: 4, created: 4, reopened: 0, gone: 0 },
    });
    let h = await hosts(campaign.id);
    expect([...h.keys()]).toEqual([1, 2, 3, 4].map(key));
    expect(h.get(key(1))).toMatchObject({ state: "open", organizationId: org.id, lastListId: first.id });
    expect(h.get(key(1))!.firstSeen.toISOString()).toBe("2021-03-09T06:00:00.000Z");

    // Host 2 was notified; host 3's owner says it is patched.
    await ctx.db.pool.query(
      `UPDATE "campaign_host" SET "state" = 'notified', "notice_id" = $2 WHERE "campaign_id" = $1 AND "host_key" = $3`,
      [campaign.id, notice.id, key(2)],
    );
    await ctx.db.pool.query(
      `UPDATE "campaign_host" SET "state" = 'remediated', "answer" = 'patched', "answered_at" = now() - interval '1 second' WHERE "campaign_id" = $1 AND "host_key" = $2`,
      [campaign.id, key(3)],
    );

    // The follow-up scan still sees 1 and 3 (no timestamp: seen at upload time), not 2 and 4.
    const second = await upload(`ip,port\n${n}.1,443\n${n}.3,443\n`, campaign.id);
    expect(second.campaignHosts).toEqual({ hosts: 2, created: 0, reopened: 0, gone: 2 });
    h = await hosts(campaign.id);
    expect(h.get(key(2))).toMatchObject({ state: "gone" });
    expect(h.get(key(2))!.goneAt).not.toBeNull();
    expect(h.get(key(4))).toMatchObject({ state: "gone" });
    const stillSeen = h.get(key(3))!;
    expect(stillSeen).toMatchObject({ state: "remediated", lastListId: second.id });
    const { rows } = await ctx.db.pool.query(
      `SELECT "last_seen_at" > "answered_at" AS "claimedFixedStillSeen" FROM "campaign_host" WHERE "campaign_id" = $1 AND "host_key" = $2`,
      [campaign.id, key(3)],
    );
    expect(rows[0].claimedFixedStillSeen).toBe(true);
    expect(h.get(key(1))!.firstSeen.toISOString()).toBe("2021-03-09T06:00:00.000Z");
    expect(h.get(key(1))!.lastSeen.getTime()).toBeGreaterThan(Date.parse("2022-01-01"));

    // Seen again: the notified host returns to notified, the other to open; the rest is now gone.
    const third = await upload(`ip,port\n${n}.2,443\n${n}.4,443\n`, campaign.id);
    expect(third.campaignHosts).toEqual({ hosts: 2, created: 0, reopened: 2, gone: 2 });
    h = await hosts(campaign.id);
    expect([1, 2, 3, 4].map((i) => h.get(key(i))!.state)).toEqual(["gone", "notified", "gone", "open"]);
    expect(h.get(key(2))!.goneAt).toBeNull();

    // A list uploaded earlier and attached now only adds what it saw: nothing goes.
    const attached = await attachList(ctx, actor, unattached.id, { campaignId: campaign.id });
    expect(attached.campaignHosts).toEqual({ hosts: 1, created: 1, reopened: 0, gone: 0 });
    h = await hosts(campaign.id);
    expect(h.get(key(5))).toMatchObject({ state: "open", lastListId: unattached.id });
    expect(h.get(key(2))!.state).toBe("notified");
    await expect(
      attachList(ctx, actor, unattached.id, {
        campaignId: (await ctx.db.prisma.campaign.create({ data: { name: "other", cves: [] } })).id,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the matcher cache", () => {
  it("sees a registry change made by another process (another pool) at the next call", async () => {
    const other = createDb(ctx.config.databaseUrl, { max: 1 });
    try {
      const n = net();
      const org = await createOrganization({ db: other }, actor, { name: `Cache ${randomUUID()}` });
      const ip = parseIp(`${n}.77`);
      const before = await getMatcher(ctx);
      expect(await getMatcher(ctx)).toBe(before);
      expect(before.match({ ip, hostname: null, asn: null }).organizationId).not.toBe(org.id);
      await addIdentifier({ db: other }, actor, org.id, "network", `${n}.64/26`);
      const after = await getMatcher(ctx);
      expect(after).not.toBe(before);
      expect(after.match({ ip, hostname: null, asn: null })).toMatchObject({
        organizationId: org.id,
        reason: "network",
      });
    } finally {
      await other.close();
    }
  });
});
