import { ingestList } from "@baken/services";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { createOrg, space } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";

// DELETE /api/lists/:id and its preview: the rows and a big list's table go; the campaign keeps its history
// (README, "Deleting lists"; packages/core's listDeletionRefusal).
describe("deleting a list", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  let viewer: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    [admin, analyst, viewer] = await Promise.all([signIn(app, "admin"), signIn(app, "analyst"), signIn(app, "viewer")]);
  });
  afterAll(() => app.close());

  const sql = async <T extends object>(text: string, params: unknown[] = []) =>
    (await app.ctx.db.pool.query<T & Record<string, unknown>>(text, params)).rows;
  /** A list of these addresses' port 443 (a unique comment line: each upload is a new file). */
  const upload = (ips: string[], opts: { campaignId?: string; bigListRows?: number } = {}) =>
    ingestList(
      app.ctx,
      { id: analyst.id },
      {
        file: (async function* () {
          yield Buffer.from(`ip,port\n${ips.map((ip) => `${ip},443\n`).join("")}bad-address,443\n# ${randomUUID()}\n`);
        })(),
        fileName: "scan.csv",
        meta: opts.campaignId ? { campaignId: opts.campaignId } : {},
        bigListRows: opts.bigListRows,
      },
    );
  const del = (id: string, who: TestStaff | { authorization: string } = admin) =>
    app.inject({ method: "DELETE", url: `/api/lists/${id}`, headers: "token" in who ? bearer(who) : who });
  const preview = (id: string) =>
    app.inject({ url: `/api/lists/${id}/deletion`, headers: bearer(admin) }).then((r) => r.json());
  const campaign = async () =>
    (await app.ctx.db.prisma.campaign.create({ data: { name: `c ${randomUUID()}`, cves: [] } })).id;
  const send = async (campaignId: string) => {
    const res = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/send`,
      headers: bearer(analyst),
    });
    expect(res.statusCode).toBe(202);
  };
  const tableOf = async (listId: string) =>
    (
      await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class WHERE relname = exposure_list_table($1::uuid)`,
        [listId],
      )
    )[0]!.n;
  /** A campaign's hosts by address: state, notice, last list. */
  const hosts = async (campaignId: string) =>
    Object.fromEntries(
      (
        await sql<{ ip: string; state: string; notice: string | null; last: string }>(
          `SELECT abbrev(ip) AS ip, state::text AS state, notice_id AS notice, last_list_id AS last
             FROM campaign_host WHERE campaign_id = $1 ORDER BY ip`,
          [campaignId],
        )
      ).map(({ ip, ...h }) => [ip.split(".").at(-1)!, h]),
    );
  /** What a campaign's history is made of: notices, notified hosts, and its progress figures. */
  const history = async (campaignId: string) => ({
    notices: await sql(`SELECT id, status::text, host_count FROM notice WHERE campaign_id = $1 ORDER BY id`, [
      campaignId,
    ]),
    notified: await sql(
      `SELECT id, host_key, state::text, notice_id, notified_at, answer, gone_at, first_seen_at, last_seen_at
         FROM campaign_host WHERE campaign_id = $1 AND notice_id IS NOT NULL ORDER BY id`,
      [campaignId],
    ),
    days: await sql(`SELECT * FROM campaign_progress_day WHERE campaign_id = $1 ORDER BY day`, [campaignId]),
    orgs: await sql(
      `SELECT organization_id, notified, answered, claimed_fixed, gone, not_ours, still_open, remediated, flagged
         FROM campaign_org_progress WHERE campaign_id = $1 ORDER BY organization_id`,
      [campaignId],
    ),
  });

  it("is an admin's, through a session only: 403 to analysts, viewers and API tokens; 404 for no such list", async () => {
    const s = space();
    const list = await upload([`${s.v4}.1`]);
    for (const who of [analyst, viewer]) {
      expect((await del(list.id, who)).statusCode).toBe(403);
      expect((await app.inject({ url: `/api/lists/${list.id}/deletion`, headers: bearer(who) })).statusCode).toBe(403);
    }
    const token = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(admin),
      payload: { name: `t ${randomUUID()}`, role: "analyst" },
    });
    expect((await del(list.id, { authorization: `Bearer ${token.json().token}` })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/lists/${list.id}`, headers: bearer(viewer) })).statusCode).toBe(200);

    const missing = randomUUID();
    expect((await del(missing)).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/lists/${missing}/deletion`, headers: bearer(admin) })).statusCode).toBe(404);
  });

  it("deletes a big list's rows, errors and table, audited, and nothing of other lists", async () => {
    const s = space();
    const big = await upload(
      [1, 2, 3].map((i) => `${s.v4}.${i}`),
      { bigListRows: 3 },
    );
    const other = await upload(
      [1, 2, 3].map((i) => `${s.v4}.${i}`),
      { bigListRows: 3 },
    );
    const small = await upload([`${s.v4}.4`]);
    expect([await tableOf(big.id), await tableOf(other.id)]).toEqual([1, 1]);
    const rowsOf = async (id: string) =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM exposure WHERE list_id = $1`, [id]))[0]!.n;
    const errorsOf = async (id: string) =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM list_error WHERE list_id = $1`, [id]))[0]!.n;
    // The bad address and the comment line.
    expect(await errorsOf(big.id)).toBe(2);

    expect(await preview(big.id)).toEqual({
      listId: big.id,
      fileName: "scan.csv",
      exposures: 3,
      campaign: null,
      refusal: null,
    });
    const res = await del(big.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ listId: big.id, fileName: "scan.csv", exposures: 3, campaign: null });

    expect(await tableOf(big.id)).toBe(0);
    expect([await rowsOf(big.id), await errorsOf(big.id)]).toEqual([0, 0]);
    expect(await app.ctx.db.prisma.exposureList.count({ where: { id: big.id } })).toBe(0);
    expect([await tableOf(other.id), await rowsOf(other.id), await errorsOf(other.id)]).toEqual([1, 3, 2]);
    expect([await rowsOf(small.id), await errorsOf(small.id)]).toEqual([1, 2]);
    expect((await app.inject({ url: `/api/lists/${big.id}`, headers: bearer(viewer) })).statusCode).toBe(404);

    const [event] = await app.ctx.db.prisma.auditEvent.findMany({
      where: { subjectId: big.id, action: "list.delete" },
    });
    expect(event).toMatchObject({ actorId: admin.id, subjectType: "exposure_list", details: { exposures: 3 } });
    expect((await del(big.id)).statusCode).toBe(404);
  });

  it("gives up with a 503 rather than queue every query of exposure behind a big list's table held by a query", async () => {
    const s = space();
    const big = await upload([`${s.v4}.1`, `${s.v4}.2`], { bigListRows: 2 });
    const reader = await app.ctx.db.pool.connect();
    try {
      // A query reading the list holds its table until its transaction ends.
      await reader.query("BEGIN");
      await reader.query(`SELECT count(*) FROM exposure WHERE list_id = $1`, [big.id]);
      const res = await del(big.id);
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/in use by another query; nothing was deleted/);
      expect(await tableOf(big.id)).toBe(1);
    } finally {
      await reader.query("ROLLBACK");
      reader.release();
    }
    expect((await del(big.id)).statusCode).toBe(200);
    expect(await tableOf(big.id)).toBe(0);
  });

  it("keeps a campaign's history: hosts only the list saw and never notified leave, the others keep their notices", async () => {
    const s = space();
    await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const c = await campaign();
    const ip = (i: number) => `${s.v4}.${i}`;
    const a = await upload([ip(1), ip(2)], { campaignId: c });
    await send(c);
    // A later scan sees .1 and two new hosts; the next sees .2 only.
    const b = await upload([ip(1), ip(3), ip(5)], { campaignId: c, bigListRows: 3 });
    const d = await upload([ip(2)], { campaignId: c });
    let h = await hosts(c);
    const notice = h["1"]!.notice!;
    expect(h).toEqual({
      "1": { state: "gone", notice, last: b.id },
      "2": { state: "notified", notice, last: d.id },
      "3": { state: "gone", notice: null, last: b.id },
      "5": { state: "gone", notice: null, last: b.id },
    });

    // The newest list of a campaign that has notified: refused, and nothing changed.
    const before = await history(c);
    const refused = await del(d.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/newest list of campaign .*Upload the campaign's next list first/);
    expect((await preview(d.id)).refusal).toBe(refused.json().message);
    expect(await hosts(c)).toEqual(h);

    // b: .1 was seen by a too (its last list becomes a), .3 and .5 only by b and never notified: they leave.
    const plan = { newest: false, otherLists: 2, notices: 1, hostsLeaving: 2, hostsRelinked: 1, hostsNamed: 0 };
    expect(await preview(b.id)).toMatchObject({ exposures: 3, campaign: { id: c, ...plan }, refusal: null });
    const res = await del(b.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().campaign).toMatchObject(plan);
    expect(await tableOf(b.id)).toBe(0);
    h = await hosts(c);
    expect(h).toEqual({
      "1": { state: "gone", notice, last: a.id },
      "2": { state: "notified", notice, last: d.id },
    });
    expect(await history(c)).toEqual(before);
    const [event] = await app.ctx.db.prisma.auditEvent.findMany({ where: { subjectId: b.id, action: "list.delete" } });
    expect(event!.details).toMatchObject({ campaignId: c, hostsLeaving: 2, hostsRelinked: 1 });

    // a is now the only list that saw the notified .1: refused, its notice reports it from a.
    const named = await del(a.id);
    expect(named.statusCode).toBe(409);
    expect(named.json().message).toBe(
      `1 host of campaign "${(await app.ctx.db.prisma.campaign.findUniqueOrThrow({ where: { id: c } })).name}" that notices named was seen in this list only; their notices report them from it`,
    );
    expect(await hosts(c)).toEqual(h);
    expect(await history(c)).toEqual(before);
  });

  it("undoes a list uploaded by mistake into a campaign that has sent nothing", async () => {
    const s = space();
    const ip = (i: number) => `${s.v4}.${i}`;
    const c = await campaign();
    const a = await upload([ip(1), ip(2)], { campaignId: c });
    const mistake = await upload([ip(1), ip(3)], { campaignId: c });
    expect(await hosts(c)).toMatchObject({ "2": { state: "gone" }, "3": { state: "open", last: mistake.id } });

    // The newest list, but nothing was sent: the next newest settles the hosts again, as before the mistake.
    expect((await preview(mistake.id)).campaign).toMatchObject({ newest: true, hostsLeaving: 1, hostsRelinked: 1 });
    expect((await del(mistake.id)).statusCode).toBe(200);
    expect(await hosts(c)).toEqual({
      "1": { state: "open", notice: null, last: a.id },
      "2": { state: "open", notice: null, last: a.id },
    });

    // The campaign's only list: all its hosts leave; the campaign stays, empty.
    expect((await del(a.id)).statusCode).toBe(200);
    expect(await hosts(c)).toEqual({});
    expect(await app.ctx.db.prisma.campaign.count({ where: { id: c } })).toBe(1);
  });
});
