import { ingestList } from "@baken/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { createOrg, space } from "./fixtures.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";

// A big list's exposures live in a child table of exposure (packages/db/src/lists/README.md, "Storage").
// These tests make a few rows big with ingestList's bigListRows; everything reads through exposure.
describe("a list's own table", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  const sql = async <T extends object>(text: string, params: unknown[] = []) =>
    (await app.ctx.db.pool.query<T & Record<string, unknown>>(text, params)).rows;

  async function* fileOf(csv: string) {
    yield Buffer.from(csv);
  }
  const upload = (csv: string, bigListRows?: number) =>
    ingestList(app.ctx, { id: analyst.id }, { file: fileOf(csv), fileName: "list.csv", meta: {}, bigListRows });

  /** The list's own table, if it has one, with its parent and its indexes' shapes (name and table left out). */
  const tableOf = async (listId: string) => {
    const [table] = await sql<{ name: string; parent: string | null; indexes: string[] }>(
      `SELECT c.relname AS "name", i.inhparent::regclass::text AS "parent",
              (SELECT array_agg(exposure_index_shape(pg_get_indexdef(x.indexrelid)))
                 FROM pg_index x WHERE x.indrelid = c.oid) AS "indexes"
         FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
        WHERE c.relname = exposure_list_table($1::uuid)`,
      [listId],
    );
    return table ? { ...table, indexes: table.indexes.sort() } : null;
  };
  const parentIndexes = async () =>
    (
      await sql<{ shape: string }>(
        `SELECT exposure_index_shape(pg_get_indexdef(indexrelid)) AS "shape" FROM pg_index
          WHERE indrelid = 'exposure'::regclass`,
      )
    )
      .map((r) => r.shape)
      .sort();
  /** Tables named as a list's table (exposure_ and 32 hex digits), committed or not yet dropped. */
  const listTables = async () =>
    (await sql<{ name: string }>(`SELECT relname AS "name" FROM pg_class WHERE relname ~ '^exposure_[0-9a-f]{32}$'`))
      .map((r) => r.name)
      .sort();
  const rowsIn = async (listId: string, only: boolean) =>
    (
      await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${only ? "ONLY " : ""}"exposure" WHERE "list_id" = $1`, [
        listId,
      ])
    )[0]!.n;

  it("keeps a big list in a child of exposure with exposure's indexes, a small one in exposure itself", async () => {
    const s = space();
    const big = await upload(`ip,port\n${s.v4}.1,443\n${s.v4}.2,443\n${s.v4}.3,443\n`, 3);
    const small = await upload(`ip,port\n${s.v4}.4,443\n${s.v4}.5,443\n`, 3);

    const table = await tableOf(big.id);
    expect(table).toMatchObject({ parent: "exposure", indexes: await parentIndexes() });
    // (list_id, organization_id) without its list_id: the table holds one list.
    expect(table!.indexes).toEqual(expect.arrayContaining(["CREATE INDEX USING btree (organization_id)"]));
    expect([await rowsIn(big.id, true), await rowsIn(big.id, false)]).toEqual([0, 3]);
    // Analyzed in the upload: the statements after the COPY plan with its statistics.
    const analyzed = await sql<{ column: string }>(
      `SELECT attname AS "column" FROM pg_stats WHERE tablename = $1 ORDER BY 1`,
      [table!.name],
    );
    expect(analyzed.map((r) => r.column)).toEqual(["hostname", "ip", "list_id", "organization_id"]);
    expect(await tableOf(small.id)).toBeNull();
    expect([await rowsIn(small.id, true), await rowsIn(small.id, false)]).toEqual([2, 2]);

    // One sequence numbers them all: ids stay unique across exposure and its children.
    const [ids] = await sql<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "id")::int AS "distinct" FROM "exposure" WHERE "list_id" = ANY($1::uuid[])`,
      [[big.id, small.id]],
    );
    expect(ids).toEqual({ n: 5, distinct: 5 });

    // The console's search and a list's pages read through exposure.
    const found = (
      await app.inject({ url: `/api/search?q=${encodeURIComponent(`${s.v4}.0/24`)}`, headers: bearer(analyst) })
    ).json();
    expect(found.exposures.items.map((e: { ip: string }) => e.ip).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `${s.v4}.${n}`),
    );
    expect(found.lists.items.map((l: { id: string; hits: number }) => [l.id, l.hits]).sort()).toEqual(
      [
        [big.id, 3],
        [small.id, 2],
      ].sort(),
    );
    const page = (await app.inject({ url: `/api/lists/${big.id}/exposures`, headers: bearer(analyst) })).json();
    expect(page.exposures.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
  });

  it("stores every kind of value as read, from a line read in place or through the general path", async () => {
    const s = space();
    // Lines read in place (plain, quoted or not) and lines only the general path reads (IPv6, a network, a
    // hostname to lower-case, an escaped quote, a URL as address, another timestamp layout), with NULLs.
    const csv = [
      "timestamp,ip,port,hostname,asn,protocol,tag,version,severity,city,note",
      `2026-03-09 06:00:00,${s.v4}.1,443,mail.a.example,4294967295,tcp,exchange;cve-2021-26855,15.1,critical,Liège,`,
      `"1999-12-31 23:59:59","${s.v4}.2","0",,,"udp",,,,"a, b",`,
      `2026-03-09T06:00:01Z,${s.v6}::7,25,,64512,,,,,,"say ""hi"" \\ back"`,
      `,${s.v4}.128/25,,,,,,,,,`,
      `2026-03-09T06:00:00+01:00,,8443,OWA.B.Example,,,,,HIGH,,`,
    ].join("\r\n");
    for (const bigListRows of [1, 1000]) {
      const list = await upload(csv.replace("mail.a", `mail${bigListRows}.a`), bigListRows);
      const stored = await sql(
        `SELECT "line", abbrev("ip") AS "ip", "port", "protocol", "hostname", "asn"::text AS "asn",
                to_char("seen_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS "seenAt", "tag", "version",
                "severity", "raw"::jsonb AS "raw", "list_id" AS "listId"
           FROM "exposure" WHERE "list_id" = $1 ORDER BY "line"`,
        [list.id],
      );
      const row = (line: number, values: object) => ({
        line,
        ip: null,
        port: null,
        protocol: null,
        hostname: null,
        asn: null,
        seenAt: null,
        tag: null,
        version: null,
        severity: null,
        raw: null,
        listId: list.id,
        ...values,
      });
      expect(stored, `bigListRows ${bigListRows}`).toEqual([
        row(2, {
          ip: `${s.v4}.1`,
          port: 443,
          protocol: "tcp",
          hostname: `mail${bigListRows}.a.example`,
          asn: "4294967295",
          seenAt: "2026-03-09 06:00:00",
          tag: "exchange;cve-2021-26855",
          version: "15.1",
          severity: "critical",
          raw: { city: "Liège" },
        }),
        row(3, { ip: `${s.v4}.2`, port: 0, protocol: "udp", seenAt: "1999-12-31 23:59:59", raw: { city: "a, b" } }),
        row(4, {
          ip: `${s.v6}::7`,
          port: 25,
          asn: "64512",
          seenAt: "2026-03-09 06:00:01",
          raw: { note: 'say "hi" \\ back' },
        }),
        row(5, { ip: `${s.v4}.128/25` }),
        row(6, { port: 8443, hostname: "owa.b.example", severity: "high", seenAt: "2026-03-09 05:00:00" }),
      ]);
    }
  });

  it("plans a query by list on that list's table alone (and exposure's own rows)", async () => {
    const s = space();
    const one = await upload(`ip\n${s.v4}.1\n${s.v4}.2\n`, 2);
    const other = await upload(`ip\n${s.v4}.3\n${s.v4}.4\n`, 2);
    const scanned = async (listId: string) => {
      const [plan] = await sql<{ "QUERY PLAN": unknown }>(
        `EXPLAIN (FORMAT JSON) SELECT "id" FROM "exposure" WHERE "list_id" = $1::uuid`,
        [listId],
      );
      return [...JSON.stringify(plan!["QUERY PLAN"]).matchAll(/"Relation Name":"([^"]+)"/g)].map((m) => m[1]).sort();
    };
    const [oneTable, otherTable] = [(await tableOf(one.id))!.name, (await tableOf(other.id))!.name];
    expect(await scanned(one.id)).toEqual(["exposure", oneTable].sort());
    expect(await scanned(other.id)).toEqual(["exposure", otherTable].sort());
  });

  it("assigns and re-matches rows in a list's own table", async () => {
    const s = space();
    const owner = await createOrg(app, admin);
    const list = await upload(`ip,hostname\n${s.v4}.1,\n${s.v4}.2,www.${s.domain}\n${s.v4}.3,\n`, 3);
    expect(await tableOf(list.id)).not.toBeNull();
    const exposures = async (q = "") =>
      (await app.inject({ url: `/api/lists/${list.id}/exposures?${q}`, headers: bearer(analyst) })).json();
    const first = (await exposures()).exposures.find((e: { ip: string }) => e.ip === `${s.v4}.1`);

    const assigned = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/assign`,
      headers: bearer(analyst),
      payload: { organizationId: owner.id, exposureIds: [first.id] },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ changed: 1 });

    await app.inject({
      method: "POST",
      url: `/api/organizations/${owner.id}/domains`,
      headers: bearer(admin),
      payload: { name: s.domain },
    });
    const rematch = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/rematch`,
      headers: bearer(analyst),
    });
    expect(rematch.json()).toMatchObject({ exposures: 3, changed: 1 });
    const matched = await exposures(`organizationId=${owner.id}`);
    expect(matched.exposures.map((e: { ip: string; matchReason: string }) => [e.ip, e.matchReason])).toEqual([
      [`${s.v4}.1`, "manual"],
      [`${s.v4}.2`, "domain"],
    ]);
    expect(await rowsIn(list.id, true)).toBe(0);
  });

  it("drops a list's table with the list, and leaves the other lists' rows", async () => {
    const s = space();
    const gone = await upload(`ip\n${s.v4}.1\n${s.v4}.2\n`, 2);
    const kept = await upload(`ip\n${s.v4}.3\n${s.v4}.4\n`, 2);
    const small = await upload(`ip\n${s.v4}.5\n`, 2);
    await sql(`DELETE FROM "exposure_list" WHERE "id" = ANY($1::uuid[])`, [[gone.id, small.id]]);
    expect(await tableOf(gone.id)).toBeNull();
    expect([await rowsIn(gone.id, false), await rowsIn(small.id, false), await rowsIn(kept.id, false)]).toEqual([
      0, 0, 2,
    ]);
  });

  it("leaves no table behind when an upload fails, during its rows or after them", async () => {
    const s = space();
    const before = await listTables();
    async function* broken() {
      yield Buffer.from(`ip\n${s.v4}.1\n${s.v4}.2\n`);
      throw new Error("the connection dropped");
    }
    await expect(
      ingestList(app.ctx, { id: analyst.id }, { file: broken(), fileName: "broken.csv", meta: {}, bigListRows: 1 }),
    ).rejects.toThrow("the connection dropped");
    expect(await listTables()).toEqual(before);

    // The same file twice: refused (409) once its table is built and made a child.
    const csv = `ip\n${s.v4}.3\n${s.v4}.4\n`;
    const first = await upload(csv, 1);
    const withFirst = await listTables();
    await expect(upload(csv, 1)).rejects.toMatchObject({ code: "conflict", details: { id: first.id } });
    expect(await listTables()).toEqual(withFirst);
  });

  it("gives a list's table the indexes exposure has and only those (the migration helper)", async () => {
    const s = space();
    const list = await upload(`ip\n${s.v4}.1\n${s.v4}.2\n`, 2);
    const { name } = (await tableOf(list.id))!;
    await sql(`CREATE INDEX ON "${name}" ("port")`);
    await sql(`DROP INDEX "${name}_ip_idx"`);
    await sql(`SELECT exposure_sync_child_indexes($1::regclass)`, [`"${name}"`]);
    expect((await tableOf(list.id))!.indexes).toEqual(await parentIndexes());
  });
});
