import { ingestList } from "@baken/services";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { counts, createOrg, space } from "./fixtures.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";
import { multipart, uploadList } from "./upload.ts";

describe("uploading exposure lists", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("stores good rows, reports and keeps bad ones with line and field, folds duplicates", async () => {
    const s = space();
    const org = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const csv =
      "ip;port;hostname;timestamp\r\n" +
      `${s.v4}.1;443;;2021-03-09 06:00:00\r\n` +
      `${s.v4}.1;443;;2021-03-09 07:00:00\r\n` +
      `${s.v4}.300;443;;\r\n` +
      `${s.v4}.2;99999;;\r\n` +
      `;;;\r\n` +
      `${s.v4}.3;;"mail.${s.domain}";\r\n`;
    const res = await uploadList(app, bearer(analyst), csv, { source: "test", tlp: "tlp:amber+strict" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ format: "csv-semicolon", rows: 6, accepted: 3, rejected: 3, duplicates: 1 });
    expect(body.errors).toEqual([
      { line: 4, field: "ip", message: `not an IPv4 or IPv6 address: '${s.v4}.300'` },
      { line: 5, field: "port", message: "port must be a whole number 0-65535: '99999'" },
      { line: 6, field: "ip", message: "no IP address, network or hostname in this row" },
    ]);
    const errors = await app.inject({ url: `/api/lists/${body.id}/errors`, headers: bearer(analyst) });
    expect(errors.json()).toMatchObject({ total: 3, errors: body.errors });
    const detail = (await app.inject({ url: `/api/lists/${body.id}`, headers: bearer(analyst) })).json();
    expect(detail).toMatchObject({
      source: "test",
      tlp: "AMBER_STRICT",
      rows: 6,
      accepted: 3,
      rejected: 3,
      duplicates: 1,
    });
    expect(detail.summary).toMatchObject({
      exposures: 2,
      matched: 2,
      unmatched: 0,
      organizations: [{ id: org.id, count: 2 }],
    });
    const exposures = (await app.inject({ url: `/api/lists/${body.id}/exposures`, headers: bearer(analyst) })).json()
      .exposures;
    expect(exposures[0]).toMatchObject({
      line: 2,
      ip: `${s.v4}.1`,
      port: 443,
      seenAt: "2021-03-09T06:00:00.000Z",
      organization: { id: org.id, name: org.name },
      matchReason: "network",
      candidates: [{ organizationId: org.id, organizationName: org.name, reason: "network", detail: `${s.v4}.0/24` }],
    });
    const listed = (await app.inject({ url: "/api/lists?pageSize=5", headers: bearer(analyst) })).json();
    expect(listed.lists[0]).toMatchObject({ id: body.id, fileName: "list.csv" });
  });

  it("reads plain text, JSON and NDJSON, and matches IPv6 (nested prefixes, IPv4-mapped folded)", async () => {
    const s = space();
    const wide = await createOrg(app, admin, { cidrs: [`${s.v6}::/48`, `${s.v4}.0/24`] });
    const narrow = await createOrg(app, admin, { cidrs: [`${s.v6}:1::/64`] });
    const text = `# leaked ${randomUUID()}\n${s.v6}:1::25\n[${s.v6}:2::25]:443\n::ffff:${s.v4}.9\n`;
    const res = await uploadList(app, bearer(analyst), text, {}, "leak.txt");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: "text", accepted: 3, rejected: 0 });
    const rows = (await app.inject({ url: `/api/lists/${res.json().id}/exposures`, headers: bearer(analyst) })).json()
      .exposures;
    expect(rows.map((e: { ip: string; organization: { id: string } }) => [e.ip, e.organization.id])).toEqual([
      [`${s.v6}:1::25`, narrow.id],
      [`${s.v6}:2::25`, wide.id],
      [`${s.v4}.9`, wide.id],
    ]);
    expect(rows[0].candidates.map((c: { detail: string }) => c.detail)).toEqual([`${s.v6}:1::/64`, `${s.v6}::/48`]);

    const json = await uploadList(
      app,
      bearer(analyst),
      JSON.stringify([{ ip_address: `${s.v4}.10`, dst_port: 25 }, { fqdn: `x.${randomUUID()}.example` }]),
      {},
      "l.json",
    );
    expect(json.json()).toMatchObject({ format: "json", accepted: 2 });
    const nd = await uploadList(app, bearer(analyst), `{"src_ip":"${s.v4}.11"}\n{"src_ip":"nope"}\n`, {}, "l.ndjson");
    expect(nd.json()).toMatchObject({
      format: "ndjson",
      accepted: 1,
      rejected: 1,
      errors: [{ line: 2, field: "src_ip" }],
    });
  });

  it("takes the form's fields before or after the file", async () => {
    const { payload, headers } = multipart([
      {
        name: "file",
        fileName: "after.csv",
        content: `ip\n100.64.0.${Math.floor(Math.random() * 250)}\n# ${randomUUID()}\n`,
      },
      { name: "source", value: "sent after the file" },
      { name: "tlp", value: "GREEN" },
    ]);
    const res = await app.inject({
      method: "POST",
      url: "/api/lists",
      headers: { ...bearer(analyst), ...headers },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await app.inject({ url: `/api/lists/${res.json().id}`, headers: bearer(analyst) })).json();
    expect(detail).toMatchObject({ source: "sent after the file", tlp: "GREEN" });
  });

  it("answers 409 with the existing list for the same file, and stores no second copy", async () => {
    const csv = `ip\n100.64.1.1\n# ${randomUUID()}\n`;
    const first = await uploadList(app, bearer(analyst), csv);
    const before = await counts(app);
    const again = await uploadList(app, bearer(analyst), csv, {}, "renamed.csv");
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: "conflict", details: { id: first.json().id } });
    expect(await counts(app)).toEqual(before);
  });

  it("refuses bad files with a 400 that says why, leaving nothing behind", async () => {
    const before = await counts(app);
    const cases: [string | Buffer, RegExp][] = [
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]), /binary file/],
      ["name,city\nfoo,bar\n", /no address column/],
      [`ip,port\nnot-an-ip!,1\n300.1.1.1,2\n`, /No usable rows: all 2 rows were rejected/],
      ["", /empty/],
    ];
    for (const [content, message] of cases) {
      const res = await uploadList(app, bearer(analyst), content);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    const badField = await uploadList(app, bearer(analyst), `ip\n100.64.2.1\n# ${randomUUID()}\n`, {
      campaignId: randomUUID(),
    });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().details).toEqual([{ field: "campaignId", message: "no such campaign" }]);
    const badTlp = await uploadList(app, bearer(analyst), `ip\n100.64.2.2\n# ${randomUUID()}\n`, { tlp: "PURPLE" });
    expect(badTlp.statusCode).toBe(400);
    expect(badTlp.json().details[0].field).toBe("tlp");
    const notMultipart = await app.inject({
      method: "POST",
      url: "/api/lists",
      headers: { ...bearer(analyst), "content-type": "text/csv" },
      payload: "ip\n1.2.3.4\n",
    });
    expect(notMultipart.statusCode).toBe(415);
    expect(await counts(app)).toEqual(before);
  });

  it("answers 413 past the size or row limit, leaving nothing behind", async () => {
    const small = await buildTestApp({ UPLOAD_MAX_BYTES: "2048", UPLOAD_MAX_ROWS: "50" });
    try {
      const staff = await signIn(small, "analyst");
      const before = await counts(small);
      const big = `ip\n${Array.from({ length: 400 }, (_, i) => `100.64.3.${i % 250}`).join("\n")}\n`;
      const tooBig = await uploadList(small, bearer(staff), big);
      expect(tooBig.statusCode, tooBig.body).toBe(413);
      expect(tooBig.json().message).toMatch(/2048-byte upload limit/);
      const rows = `ip\n${Array.from({ length: 60 }, (_, i) => `100.64.4.${i}`).join("\n")}\n`;
      const tooMany = await uploadList(small, bearer(staff), rows);
      expect(tooMany.statusCode, tooMany.body).toBe(413);
      expect(tooMany.json().message).toMatch(/more than 50 rows/);
      expect(await counts(small)).toEqual(before);
    } finally {
      await small.close();
    }
  });

  it("leaves no listener behind on the shutdown signal, however many uploads it reads", async () => {
    // An app of its own: Node warns once per signal, and this suite's app has read many uploads already.
    const fresh = await buildTestApp();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      const s = space();
      // More uploads than an EventTarget's default listener limit (10): each used to add one for good.
      for (let i = 0; i < 12; i++) {
        const res = await uploadList(fresh, bearer(analyst), `ip,port\n${s.v4}.${i + 1},443\n`);
        expect(res.statusCode, res.body).toBe(201);
      }
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
      await fresh.close();
    }
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("needs the analyst role to upload", async () => {
    const viewer = await signIn(app, "viewer");
    const res = await uploadList(app, bearer(viewer), "ip\n100.64.5.1\n");
    expect(res.statusCode).toBe(403);
  });

  // exposure has no foreign keys (a per-row check cost more than the COPY): triggers and the writers'
  // own check keep what they kept.
  describe("an exposure's list and owner", () => {
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
});
