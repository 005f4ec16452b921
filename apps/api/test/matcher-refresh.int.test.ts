import { withClientTransaction } from "@baken/db";
import { matcherIsCurrent } from "@baken/services";
import { waitFor } from "@baken/testing";
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { buildTestApp } from "./helper.ts";
import { importRipeText, rpslObject } from "./ripe-dump.ts";

const clearRipe = (app: App) =>
  withClientTransaction(app.ctx.db.pool, (c) =>
    c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
  );

describe("the api's matcher between uploads (MATCHER_REFRESH_SECONDS)", () => {
  let app: App;

  beforeAll(async () => {
    app = await buildTestApp({ MATCHER_REFRESH_SECONDS: "1" });
  });
  afterAll(async () => {
    await clearRipe(app);
    await app.close();
  });

  it("loads the registry and a new RIPE import by itself, so the next upload need not", async () => {
    expect(await matcherIsCurrent(app.ctx)).toBe(false); // nothing loaded at start
    await waitFor(() => matcherIsCurrent(app.ctx), { what: "the first refresh" });

    const net = `10.${randomInt(0, 256)}`;
    await importRipeText(
      app,
      rpslObject(["role", "Refresh abuse"], ["nic-hdl", "RA1-RIPE"], ["abuse-mailbox", "abuse@refresh.example"]) +
        rpslObject(["inetnum", `${net}.0.0 - ${net}.0.255`], ["netname", "REFRESH-NET"], ["abuse-c", "RA1-RIPE"]),
    );
    expect(await matcherIsCurrent(app.ctx)).toBe(false);
    await waitFor(() => matcherIsCurrent(app.ctx), { what: "the import loaded without an upload" });
  });
});
