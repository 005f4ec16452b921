import { ingestList } from "@baken/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { counts, createOrg, space } from "./fixtures.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

// exposure has no foreign keys (a per-row check cost more than the COPY): triggers and the writers'
// own check keep what they kept.
describe("an exposure's list and owner", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  const owners = async (listId: string) =>
    (
      await app.ctx.db.pool.query<{ ip: string; organizationId: string | null; reason: string | null }>(
        `SELECT host("ip") AS "ip", "organization_id" AS "organizationId", "match_reason" AS "reason"
         FROM "exposure" WHERE "list_id" = $1 ORDER BY "line"`,
        [listId],
      )
    ).rows;

  it("deleting an organization leaves its exposures unmatched and the others as they were", async () => {
    const [s, t] = [space(), space()];
    const gone = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const kept = await createOrg(app, admin, { cidrs: [`${t.v4}.0/24`] });
    const up = await uploadList(app, bearer(analyst), `ip,port\n${s.v4}.1,443\n${t.v4}.1,443\n`);
    expect(up.statusCode, up.body).toBe(201);

    const del = await app.inject({ method: "DELETE", url: `/api/organizations/${gone.id}`, headers: bearer(admin) });
    expect(del.statusCode, del.body).toBe(204);
    expect(await owners(up.json().id)).toEqual([
      { ip: `${s.v4}.1`, organizationId: null, reason: null },
      { ip: `${t.v4}.1`, organizationId: kept.id, reason: "network" },
    ]);
  });

  it("deleting a list deletes its exposures", async () => {
    const s = space();
    const up = await uploadList(app, bearer(analyst), `ip,port\n${s.v4}.1,443\n${s.v4}.2,443\n`);
    expect(up.statusCode, up.body).toBe(201);
    expect(await owners(up.json().id)).toHaveLength(2);
    await app.ctx.db.pool.query(`DELETE FROM "exposure_list" WHERE "id" = $1`, [up.json().id]);
    expect(await owners(up.json().id)).toEqual([]);
  });

  it("an upload whose owner is deleted while it is read fails with a 409 and stores nothing", async () => {
    const s = space();
    const org = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const before = await counts(app);
    // The matcher is built when the upload starts; the organization goes between two chunks of the file.
    async function* file() {
      yield Buffer.from(`ip,port\n${s.v4}.1,443\n`);
      await app.ctx.db.pool.query(`DELETE FROM "organization" WHERE "id" = $1`, [org.id]);
      yield Buffer.from(`${s.v4}.2,443\n`);
    }
    await expect(
      ingestList(app.ctx, { id: analyst.id }, { file: file(), fileName: "race.csv", meta: {} }),
    ).rejects.toMatchObject({ code: "conflict", details: { deleted: [org.id] } });
    expect(await counts(app)).toEqual(before);
  });
});
