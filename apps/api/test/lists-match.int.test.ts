import { buildExposureCsv, buildRegistry, registryNdjson } from "@baken/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

// The registry and list the reference fixtures describe: 5,000 organizations, 1,170 Shadowserver-style rows,
// each with the organization the builder meant it for (or nobody).
describe("matching a 1,170-row list against a 5,000-organization registry", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  const registry = buildRegistry({ orgs: 5000, seed: 2021 });
  const { csv, expected } = buildExposureCsv(registry, { rows: 1170 });

  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("imports the registry in one request", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...bearer(admin), "content-type": "application/x-ndjson" },
      payload: registryNdjson(registry),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: "ndjson", rejected: 0, rejections: [] });
    expect(body.created + body.updated).toBe(5000);
  });

  it("matches every row to the organization the builder expected", async () => {
    const up = await uploadList(app, bearer(analyst), csv, { source: "shadowserver scan_exchange" });
    expect(up.statusCode, up.body).toBe(201);
    const lines = csv.trim().split("\n").slice(1);
    const keys = lines.map((l) => {
      const c = l.split(",");
      return `${c[1]}|${c[3]}|${c[4]}`;
    });
    const firstLineOf = new Map<string, number>();
    keys.forEach((k, i) => firstLineOf.has(k) || firstLineOf.set(k, i + 2));
    const upload = up.json();
    expect(upload).toMatchObject({
      format: "csv",
      rows: 1170,
      accepted: 1170,
      rejected: 0,
      errors: [],
      duplicates: 1170 - firstLineOf.size,
    });

    const exposures: {
      line: number;
      ip: string;
      organization: { name: string } | null;
      matchReason: string | null;
      candidates: unknown[];
    }[] = [];
    for (let page = 1; ; page++) {
      const res = await app.inject({
        url: `/api/lists/${upload.id}/exposures?pageSize=500&page=${page}`,
        headers: bearer(analyst),
      });
      expect(res.statusCode).toBe(200);
      exposures.push(...res.json().exposures);
      if (res.json().exposures.length < 500) break;
    }
    expect(exposures).toHaveLength(firstLineOf.size);
    const byLine = new Map(exposures.map((e) => [e.line, e]));
    let checked = 0;
    expected.forEach((want, i) => {
      const e = byLine.get(firstLineOf.get(keys[i]!)!)!;
      expect(e, `row ${i + 2}`).toBeDefined();
      expect(e.organization?.name ?? null, `row ${i + 2} (${keys[i]})`).toBe(want);
      if (want === null) expect(e.candidates).toEqual([]);
      else expect(e.candidates.length).toBeGreaterThan(0);
      checked++;
    });
    expect(checked).toBe(1170);

    const detail = (await app.inject({ url: `/api/lists/${upload.id}`, headers: bearer(analyst) })).json();
    const matched = exposures.filter((e) => e.organization).length;
    expect(detail.summary).toMatchObject({
      exposures: exposures.length,
      matched,
      unmatched: exposures.length - matched,
    });
    expect(detail.summary.byReason.network + detail.summary.byReason.domain + detail.summary.byReason.asn).toBe(
      matched,
    );
    expect(detail.summary.byReason.domain).toBeGreaterThan(50);
    const counted = detail.summary.organizations.reduce((a: number, o: { count: number }) => a + o.count, 0);
    expect(counted).toBe(matched);

    const again = await uploadList(app, bearer(analyst), csv, {}, "again.csv");
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toEqual({ id: upload.id });
  });
});
