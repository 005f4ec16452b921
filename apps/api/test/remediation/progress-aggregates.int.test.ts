import { recordOwnerReplies } from "@baken/services";
import { planPastCampaign, seedPastCampaign, type PastOrganization } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { buildTestApp } from "../helper.ts";

// The progress aggregates (campaign_progress_day, campaign_org_progress, campaign_host_duration) are kept by
// triggers, change by change; campaign_progress_refresh computes them whole from the hosts and answers.
// After each kind of change Baken makes, the two must agree row for row.
describe("progress aggregates kept by the database", () => {
  let app: App;
  let campaignId: string;
  let orgIds: string[];
  const sql = (text: string, params: unknown[] = []) => app.ctx.db.pool.query(text, params);

  async function snapshot() {
    const day = await sql(
      `SELECT day::text, events, notified, answered, claimed_fixed, gone, still_open
         FROM campaign_progress_day WHERE campaign_id = $1 ORDER BY day`,
      [campaignId],
    );
    const org = await sql(`SELECT * FROM campaign_org_progress WHERE campaign_id = $1 ORDER BY organization_id`, [
      campaignId,
    ]);
    const duration = await sql(
      `SELECT host_id, kind, organization_id, sector, seconds FROM campaign_host_duration
        WHERE campaign_id = $1 ORDER BY host_id, kind`,
      [campaignId],
    );
    return { day: day.rows, org: org.rows, duration: duration.rows };
  }

  /** The aggregates as the triggers left them equal a recomputation from scratch (and are not empty). */
  async function expectKeptRight() {
    const kept = await snapshot();
    await sql(`SELECT campaign_progress_refresh($1)`, [campaignId]);
    const recomputed = await snapshot();
    expect(kept).toEqual(recomputed);
    expect(kept.day.length).toBeGreaterThan(0);
    expect(kept.org.length).toBeGreaterThan(0);
    return kept;
  }

  beforeAll(async () => {
    app = await buildTestApp();
    const tag = randomUUID().slice(0, 8);
    const orgs: PastOrganization[] = [];
    for (let i = 0; i < 40; i++) {
      const org = await app.ctx.db.prisma.organization.create({
        data: { name: `Aggregates ${tag} ${i}`, language: "en", sector: ["health", "energy", null][i % 3] },
      });
      orgs.push({ id: org.id, language: "en" });
    }
    orgIds = orgs.map((o) => o.id);
    const plan = planPastCampaign({ organizations: orgs, seed: 11, name: `Aggregates ${tag}`, net: [10, 210] });
    campaignId = await seedPastCampaign(app.ctx.db, plan, orgs);
  });
  afterAll(() => app.close());

  it("agree with a recomputation after a bulk seed, answers, lists, rematches, edits and deletions", async () => {
    const seeded = await expectKeptRight();
    expect(seeded.duration.some((d) => d.kind === "answer")).toBe(true);
    expect(seeded.duration.some((d) => d.kind === "gone")).toBe(true);

    // Owners answer through the real service: a host at a time and several at once, one after another.
    const { rows: notices } = await sql(
      `SELECT n.id, n.reference, n.organization_id, array_agg(h.id ORDER BY h.id) AS hosts
         FROM notice n JOIN campaign_host h ON h.notice_id = n.id
        WHERE n.campaign_id = $1 AND n.kind = 'initial' AND h.state <> 'gone'
        GROUP BY n.id ORDER BY n.reference LIMIT 6`,
      [campaignId],
    );
    const answers = ["investigating", "needs_help", "patched", "mitigated", "not_ours", "patched"] as const;
    for (const [i, n] of notices.entries()) {
      const link = {
        noticeId: n.id,
        reference: n.reference,
        language: "en" as const,
        campaignId,
        organizationId: n.organization_id,
        expiresAt: new Date(Date.now() + 86_400_000),
      };
      const answer = answers[i]!;
      await recordOwnerReplies(
        app.ctx,
        { id: null, ip: "192.0.2.9" },
        {
          link,
          form: {
            scope: "all",
            answer,
            compromise: answer === "patched" ? "yes" : null,
            comment: null,
            betterContact: null,
          },
        },
      );
    }
    await expectKeptRight();

    // A later list: every host seen again (last_seen_at), some of them come back from gone, others go.
    await sql(`UPDATE campaign_host SET last_seen_at = now() WHERE campaign_id = $1 AND id % 2 = 0`, [campaignId]);
    await sql(
      `UPDATE campaign_host SET state = CASE WHEN notice_id IS NOT NULL THEN 'notified' ELSE 'open' END::"HostState",
              gone_at = NULL
        WHERE campaign_id = $1 AND state = 'gone' AND id % 3 = 0`,
      [campaignId],
    );
    await sql(
      `UPDATE campaign_host SET state = 'gone', gone_at = now() WHERE campaign_id = $1 AND state <> 'gone' AND id % 5 = 0`,
      [campaignId],
    );
    await expectKeptRight();

    // New hosts from a list, notified later; a host moved to another organization (a rematch); a sector edited.
    await sql(
      `INSERT INTO campaign_host (campaign_id, host_key, ip, port, organization_id, state, first_seen_at, last_seen_at,
                                  last_list_id)
       SELECT $1, 'new|' || g, ('10.211.0.' || g)::inet, 443, $2, 'open', now(), now(),
              (SELECT last_list_id FROM campaign_host WHERE campaign_id = $1 LIMIT 1)
         FROM generate_series(1, 5) g`,
      [campaignId, orgIds[0]],
    );
    await sql(
      `UPDATE campaign_host SET state = 'notified', notified_at = now() - interval '1 day',
              notice_id = (SELECT id FROM notice WHERE campaign_id = $1 AND organization_id = $2 AND kind = 'initial')
        WHERE campaign_id = $1 AND host_key LIKE 'new|%' AND host_key <> 'new|5'`,
      [campaignId, orgIds[0]],
    );
    await sql(
      `UPDATE campaign_host SET organization_id = $2
        WHERE id = (SELECT min(id) FROM campaign_host WHERE campaign_id = $1 AND answer IS NOT NULL AND organization_id <> $2)`,
      [campaignId, orgIds[1]],
    );
    await sql(`UPDATE organization SET sector = 'transport' WHERE id = $1`, [orgIds[2]]);
    await sql(`UPDATE organization SET sector = NULL WHERE id = $1`, [orgIds[3]]);
    const edited = await expectKeptRight();
    expect(edited.duration.some((d) => d.sector === "transport")).toBe(true);

    // Deletions: an organization (its hosts lose it), a notice (its answers go), hosts.
    await app.ctx.db.prisma.organization.delete({ where: { id: orgIds[4]! } });
    await sql(
      `DELETE FROM notice WHERE id = (SELECT r.notice_id FROM remediation_reply r JOIN campaign_host h ON h.id = r.host_id
                                        WHERE h.campaign_id = $1 LIMIT 1)`,
      [campaignId],
    );
    await sql(`DELETE FROM campaign_host WHERE campaign_id = $1 AND id % 7 = 0`, [campaignId]);
    await expectKeptRight();

    // The campaign deleted: nothing of it is left.
    await sql(`DELETE FROM campaign WHERE id = $1`, [campaignId]);
    const gone = await snapshot();
    expect(gone).toEqual({ day: [], org: [], duration: [] });
  });
});
