import { loadConfig } from "@baken/config";
import { asnRows, prefixRows, resolveReach, RipeCollector } from "@baken/core";
import {
  activateRipeImport,
  copyRipeRows,
  createDb,
  insertRipeImport,
  networkAbuseContacts,
  withClientTransaction,
  withTransaction,
  type Db,
} from "@baken/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const config = loadConfig(process.env);
let db: Db;

const obj = (...pairs: [string, string][]) => pairs.map(([n, v]) => `${`${n}:`.padEnd(16)}${v}`).join("\n") + "\n\n";
const DUMP = [
  obj(["role", "Hoster abuse"], ["nic-hdl", "HA1-RIPE"], ["abuse-mailbox", "abuse@hoster.example"]),
  obj(["role", "Customer abuse"], ["nic-hdl", "CA1-RIPE"], ["abuse-mailbox", "abuse@customer.example"]),
  obj(["organisation", "ORG-H1-RIPE"], ["org-name", "Hoster"], ["abuse-c", "HA1-RIPE"]),
  obj(
    ["inetnum", "198.51.100.0 - 198.51.100.255"],
    ["netname", "HOSTER-NET"],
    ["country", "BE"],
    ["org", "ORG-H1-RIPE"],
  ),
  // Not CIDR-aligned, nested: .64 - .191 is the customer's own.
  obj(
    ["inetnum", "198.51.100.64 - 198.51.100.191"],
    ["netname", "CUSTOMER-NET"],
    ["country", "BE"],
    ["abuse-c", "CA1-RIPE"],
  ),
  obj(["inet6num", "2001:db8:100::/48"], ["netname", "HOSTER-V6"], ["country", "BE"], ["org", "ORG-H1-RIPE"]),
].join("");

beforeAll(async () => {
  db = createDb(config.databaseUrl, { max: 2 });
  const collector = new RipeCollector();
  const reader = collector.reader("ripe.db");
  reader.push(Buffer.from(DUMP, "latin1"));
  reader.end();
  const data = resolveReach(collector);
  const id = await insertRipeImport(db, { origin: "cli", files: [], countries: null, createdById: null });
  await withTransaction(db, async (tx) => {
    const counts = await copyRipeRows(tx, id, { prefixes: prefixRows(data), asns: asnRows(data) });
    await activateRipeImport(tx, id, { report: data.report, ...counts });
  });
});
afterAll(async () => {
  await withClientTransaction(db.pool, (c) =>
    c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
  );
  await db.close();
});

describe("networkAbuseContacts", () => {
  it("answers the most specific range's abuse mailbox per address, grouped by mailbox", async () => {
    const found = await networkAbuseContacts(db, [
      "198.51.100.10",
      "198.51.100.70",
      "198.51.100.190",
      "198.51.100.250",
      "2001:db8:100::25",
      "203.0.113.9",
    ]);
    expect(found).toEqual([
      {
        mailbox: "abuse@hoster.example",
        source: "ripe",
        kind: "inetnum",
        object: "198.51.100.0 - 198.51.100.255",
        name: "HOSTER-NET",
        cidrs: ["198.51.100.0/24", "2001:db8:100::/48"],
        addresses: ["198.51.100.10", "198.51.100.250", "2001:db8:100::25"],
      },
      {
        mailbox: "abuse@customer.example",
        source: "ripe",
        kind: "inetnum",
        object: "198.51.100.64 - 198.51.100.191",
        name: "CUSTOMER-NET",
        cidrs: ["198.51.100.128/26", "198.51.100.64/26"],
        addresses: ["198.51.100.190", "198.51.100.70"],
      },
    ]);
  });

  it("takes a network as the range that covers all of it, and nothing for an empty list", async () => {
    const [only] = await networkAbuseContacts(db, ["198.51.100.128/27"]);
    expect(only).toMatchObject({ mailbox: "abuse@customer.example", cidrs: ["198.51.100.128/26"] });
    expect((await networkAbuseContacts(db, ["198.51.100.0/25"]))[0]).toMatchObject({
      mailbox: "abuse@hoster.example",
      cidrs: ["198.51.100.0/24"],
    });
    expect(await networkAbuseContacts(db, [])).toEqual([]);
  });
});
