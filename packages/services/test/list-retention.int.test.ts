import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createOrganization, deleteExpiredLists, ingestList } from "../src/index.ts";
import { createBareNotice, useServicesContext } from "./services-context.ts";

const ctx = useServicesContext();

const net = () => `100.${64 + (randomBytes(1)[0]! & 63)}.${randomBytes(1)[0]}`;
const upload = (ips: string[], opts: { campaignId?: string; bigListRows?: number } = {}) =>
  ingestList(
    ctx,
    { id: null },
    {
      file: Readable.from([Buffer.from(`ip,port\n${ips.map((ip) => `${ip},443\n`).join("")}# ${randomUUID()}\n`)]),
      fileName: "scan.csv",
      meta: opts.campaignId ? { campaignId: opts.campaignId } : {},
      bigListRows: opts.bigListRows,
    },
  );
/** Dated in 2001, before every other test's lists: the sweep's clock is set in 2001 too. */
const dated = (id: string, day: string) =>
  ctx.db.pool.query(`UPDATE exposure_list SET created_at = $2 WHERE id = $1`, [id, new Date(`2001-${day}T12:00:00Z`)]);
const exists = async (id: string) => (await ctx.db.prisma.exposureList.count({ where: { id } })) === 1;

describe("list retention (LIST_RETENTION_DAYS)", () => {
  it("deletes the lists older than the retention by the rules of a deletion, in batches, audited; keeps the rest", async () => {
    const n = net();
    const org = await createOrganization(ctx, { id: null }, { name: `Ret ${randomUUID()}`, cidrs: [`${n}.0/24`] });
    const campaign = await ctx.db.prisma.campaign.create({ data: { name: `c ${randomUUID()}`, cves: [] } });
    const old = await Promise.all([1, 2, 3].map((i) => upload([`${n}.${i}`], { bigListRows: 1 })));
    const recent = await upload([`${n}.9`]);
    // The only list of a campaign whose host a notice named: kept, its campaign's history needs it.
    const notified = await upload([`${n}.7`], { campaignId: campaign.id });
    const notice = await createBareNotice(ctx, campaign.id, org.id);
    await ctx.db.pool.query(
      `UPDATE campaign_host SET state = 'notified', notice_id = $2, notified_at = now() WHERE campaign_id = $1`,
      [campaign.id, notice.id],
    );
    for (const [i, list] of old.entries()) await dated(list.id, `01-0${i + 1}`);
    await dated(notified.id, "01-05");
    await dated(recent.id, "05-20");

    // 2001-06-01 less 30 days: before 2001-05-02. Two at a time, so the batches follow each other.
    const result = await deleteExpiredLists(ctx, {
      retentionDays: 30,
      now: new Date("2001-06-01T00:00:00Z"),
      batchSize: 2,
    });
    expect(result.deleted).toBe(3);
    expect(result.refused).toEqual([{ listId: notified.id, message: expect.stringMatching(/^1 host of campaign/) }]);
    for (const list of old) expect(await exists(list.id)).toBe(false);
    expect([await exists(recent.id), await exists(notified.id)]).toEqual([true, true]);
    const tables = await ctx.db.pool.query(`SELECT 1 FROM pg_class WHERE relname = ANY($1::text[])`, [
      old.map((l) => `exposure_${l.id.replaceAll("-", "")}`),
    ]);
    expect(tables.rowCount).toBe(0);

    const events = await ctx.db.prisma.auditEvent.findMany({
      where: { action: "list.delete", subjectId: { in: old.map((l) => l.id) } },
    });
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ actorId: null, details: { retentionDays: 30, exposures: 1 } });

    // Run again: nothing more to delete, the refused list refused again.
    const again = await deleteExpiredLists(ctx, { retentionDays: 30, now: new Date("2001-06-01T00:00:00Z") });
    expect(again).toEqual({ deleted: 0, refused: [expect.objectContaining({ listId: notified.id })] });
  });
});
