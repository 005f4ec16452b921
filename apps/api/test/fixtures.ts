import type { Side } from "@baken/testing";
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { App } from "../src/app.ts";
import { bearer, type TestStaff } from "./helper.ts";

/** A /24 of 100.64.0.0/10 (`${v4}.0/24`) and a /48 of 2001:db8::/32 (`${v6}::/48`) no other test uses, and a unique domain. */
export function space() {
  const b = randomBytes(3);
  const v4 = `100.${64 + (b[0]! & 63)}.${b[1]}`;
  const v6 = `2001:db8:${(0xf000 | (b[1]! << 4) | (b[2]! & 15)).toString(16)}`;
  return { v4, v6, domain: `d${randomUUID().slice(0, 8)}.example` };
}

/** A party to notify of its own (a Shadowserver sample's source side): each report made of it is a new file. */
export function partySide(): Side {
  const s = space();
  return {
    v4: `${s.v4}.17`,
    v6: `${s.v6}::17`,
    network: `${s.v4}.0/25`,
    hostname: `host.${s.domain}`,
    asn: 64_512 + randomInt(1000),
  };
}

/** Registers an organization through the API (admin), returns its id and name. */
export async function createOrg(app: App, admin: TestStaff, body: Record<string, unknown> = {}) {
  const name = `Org ${randomUUID()}`;
  const res = await app.inject({
    method: "POST",
    url: "/api/organizations",
    headers: bearer(admin),
    payload: {
      name,
      language: "nl",
      contacts: [{ email: `abuse@${randomUUID().slice(0, 8)}.example`, role: "abuse" }],
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create organization failed: ${res.body}`);
  return res.json() as { id: string; name: string };
}

export async function counts(app: App) {
  const { rows } = await app.ctx.db.pool.query<{ lists: number; exposures: number; errors: number }>(
    `SELECT (SELECT count(*)::int FROM "exposure_list") AS lists, (SELECT count(*)::int FROM "exposure") AS exposures,
            (SELECT count(*)::int FROM "list_error") AS errors`,
  );
  return rows[0]!;
}
