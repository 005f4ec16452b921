import { readFallbackVersion, withClientTransaction } from "@baken/db";
import { jobId } from "@baken/queue";
import { requeueMissedContactLookups } from "@baken/services";
import { SmtpSink, waitFor } from "@baken/testing";
import { randomInt, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { importRipeText, rpslObject } from "./ripe-dump.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { listUpload } from "./upload.ts";

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
const vcard = (email: string) => [
  "vcard",
  [
    ["version", {}, "text", "4.0"],
    ["fn", {}, "text", "Abuse"],
    ["email", {}, "text", email],
  ],
];

/**
 * One local web server standing in for every domain's web server (SECURITY_TXT_BASE_URL: the domain is the
 * path's first segment), IANA's bootstrap files and an RDAP server; it records every request it gets.
 */
async function startInternet(routes: (path: string, res: ServerResponse, req: IncomingMessage) => void) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url!);
    routes(req.url!, res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("online contact lookups after an upload (security.txt, RDAP)", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  let internet: Awaited<ReturnType<typeof startInternet>>;
  let env: Record<string, string>;
  // A /16 of 10/8 of this run's own, so no other test's registry covers it.
  const net = `10.${randomInt(0, 256)}`;
  const tag = randomUUID().slice(0, 8);
  const domain = (name: string) => `${name}-${tag}.example`;
  const mail = {
    security: `security-${tag}@valid.example`,
    rdap: `abuse-${tag}@netz.example`,
    ripe: `abuse-${tag}@ripe-hoster.example`,
    asn: `abuse-${tag}@transit.example`,
    registered: `reg-${tag}@registered.example`,
  };

  beforeAll(async () => {
    internet = await startInternet((path, res) => {
      const file = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
        res.end(body);
      };
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        file(status, JSON.stringify(body), { "content-type": "application/rdap+json", ...headers });
      const wellKnown = /^\/([^/]+)\/\.well-known\/security\.txt$/.exec(path);
      const name = wellKnown?.[1];
      if (name === domain("valid")) {
        return file(
          200,
          [`Contact: mailto:${mail.security}`, `Expires: ${inAYear}`, "Preferred-Languages: fr, en", ""].join("\n"),
        );
      }
      if (name === domain("expired")) {
        return file(
          200,
          [`Contact: mailto:old-${tag}@expired.example`, "Expires: 2021-03-01T00:00:00Z", ""].join("\n"),
        );
      }
      if (name === domain("nomail")) {
        return file(200, [`Contact: https://${name}/report`, `Expires: ${inAYear}`, ""].join("\n"));
      }
      if (name === domain("big")) {
        return file(200, `Contact: mailto:big-${tag}@big.example\nExpires: ${inAYear}\n${"# padding\n".repeat(4000)}`);
      }
      if (name === domain("slow")) return; // never answers: the fetch times out
      if (path === "/iana/ipv4.json") {
        return json(200, {
          version: "1.0",
          publication: "2026-11-01T00:00:00Z",
          services: [[["10.0.0.0/8"], [`${internet.base}/rdap/`]]],
        });
      }
      if (path === `/rdap/ip/${net}.7.5` || path === `/rdap/ip/${net}.7.9`) {
        return json(
          200,
          {
            objectClassName: "ip network",
            handle: `NET-${tag}`,
            startAddress: `${net}.7.0`,
            endAddress: `${net}.7.255`,
            name: "KUNDE-NETZ",
            country: "DE",
            entities: [
              {
                objectClassName: "entity",
                handle: `ORG-${tag}`,
                roles: ["registrant"],
                vcardArray: vcard(`noc-${tag}@netz.example`),
                entities: [
                  { objectClassName: "entity", handle: `ABUSE-${tag}`, roles: ["abuse"], vcardArray: vcard(mail.rdap) },
                ],
              },
            ],
          },
          { "cache-control": "max-age=3600" },
        );
      }
      if (path === "/iana/asn.json") {
        return json(200, {
          version: "1.0",
          publication: "2026-11-01T00:00:00Z",
          services: [[["4200000100-4200000199"], [`${internet.base}/rdap/`]]],
        });
      }
      const autnum = /^\/rdap\/autnum\/(\d+)$/.exec(path);
      if (autnum && Number(autnum[1]) >= 4200000100 && Number(autnum[1]) <= 4200000109) {
        return json(
          200,
          {
            objectClassName: "autnum",
            handle: `AS-BLOCK-${tag}`,
            startAutnum: 4200000100,
            endAutnum: 4200000109,
            name: "TRANSIT-AS",
            country: "FR",
            entities: [
              { objectClassName: "entity", handle: `ABUSE-AS-${tag}`, roles: ["abuse"], vcardArray: vcard(mail.asn) },
            ],
          },
          { "cache-control": "max-age=3600" },
        );
      }
      if (path.startsWith("/rdap/ip/") || autnum) return json(404, { errorCode: 404, title: "Not Found" });
      file(404, "not found");
    });
    env = {
      CONTACT_LOOKUP_ONLINE: "true",
      CONTACT_LOOKUP_TIMEOUT_MS: "800",
      SECURITY_TXT_BASE_URL: internet.base,
      RDAP_BOOTSTRAP_URL: `${internet.base}/iana/`,
      // The local server is on loopback, where lookups never connect otherwise.
      CONTACT_LOOKUP_ALLOWED_NETWORKS: "127.0.0.0/8",
      NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0",
    };
    app = await buildTestApp(env);
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
    // A RIPE import covering one /24 of the run's /16: its addresses are never asked of RDAP.
    await withClientTransaction(app.ctx.db.pool, (c) =>
      c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
    );
    // Earlier test files uploaded lists with lookups off: the missed-lookups sweep is to see this file's only.
    await app.ctx.db.pool.query(
      `UPDATE "exposure_list" SET "contacts_looked_up_at" = now() WHERE "contacts_looked_up_at" IS NULL`,
    );
    const dump = [
      rpslObject(["role", "Hoster abuse"], ["nic-hdl", "HA1-RIPE"], ["abuse-mailbox", mail.ripe]),
      rpslObject(
        ["inetnum", `${net}.9.0 - ${net}.9.255`],
        ["netname", "HOSTER-NET"],
        ["country", "BE"],
        ["abuse-c", "HA1-RIPE"],
      ),
    ].join("");
    await importRipeText(app, dump);
    const imported = await app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...bearer(admin), "content-type": "application/x-ndjson" },
      payload: JSON.stringify({
        name: `Registered ${tag}`,
        sector: "energy",
        country: "BE",
        language: "en",
        contacts: [{ email: mail.registered, role: "abuse" }],
        domains: [domain("registered")],
      }),
    });
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(async () => {
    await withClientTransaction(app.ctx.db.pool, (c) =>
      c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`),
    );
    await app.close();
    await internet.close();
  });

  const csv = (port: number) =>
    [
      "ip,port,hostname",
      `${net}.7.5,${port},www.${domain("valid")}`, // security.txt first, then the RDAP network's contact
      `${net}.7.9,${port},`, // the same RDAP network: not asked again
      `${net}.9.1,${port},`, // the RIPE import's range: never asked of RDAP
      `${net}.8.1,${port},portal.${domain("registered")}`, // a registered domain: no security.txt fetched
      `${net}.8.1,${port},www.${domain("expired")}`,
      `${net}.8.1,${port},www.${domain("nomail")}`,
      `${net}.8.1,${port},www.${domain("big")}`,
      `${net}.8.1,${port},www.${domain("slow")}`,
    ].join("\n");
  const upload = async (port: number, fields: Record<string, string> = {}) => {
    const body = listUpload(csv(port), fields);
    const up = await app.inject({
      method: "POST",
      url: "/api/lists",
      payload: body.payload,
      headers: { ...body.headers, ...bearer(analyst) },
    });
    expect(up.statusCode, up.body).toBe(201);
    return up.json().id as string;
  };
  const getList = async (listId: string) =>
    (await app.inject({ method: "GET", url: `/api/lists/${listId}`, headers: bearer(analyst) })).json();
  const summary = async (listId: string) => (await getList(listId)).summary;
  const lookedUp = (listId: string) =>
    waitFor(async () => (await getList(listId)).contactsLookedUpAt as string | null, {
      what: "the list's lookups done",
      timeout: 30_000,
    });

  it("run in the worker after the upload answered, cache what they read, and the campaign mails each contact once in its language", async () => {
    const campaign = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Online ${tag}`, severity: "high", tlp: "AMBER" },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json().id;

    // No worker yet: the upload answers with the offline matches, its lookups waiting in the queue.
    const listId = await upload(443, { campaignId });
    expect(internet.requests).toEqual([]);
    const queued = await app.ctx.producer.inspect("lookup-contacts", [{ listId }]);
    expect([...queued.values()]).toEqual([{ state: "live" }]);
    expect((await getList(listId)).contactsLookedUpAt).toBeNull();
    expect((await summary(listId)).coverage).toEqual({
      registered: 1,
      abuseContact: 1,
      bySource: { override: 0, security_txt: 0, network: 1, asn: 0 },
      nobody: 6,
    });

    // Redis loses the job (or the upload could not queue it): the worker's sweep queues it again, once.
    expect(await app.ctx.producer.queue("lookups").remove(jobId("lookup-contacts", { listId }))).toBe(1);
    expect([...(await app.ctx.producer.inspect("lookup-contacts", [{ listId }])).values()]).toEqual([
      { state: "missing" },
    ]);
    const sweep = () => requeueMissedContactLookups(app.ctx, { olderThanMs: 0 });
    expect(await sweep()).toEqual({ requeued: 1 });
    expect(await sweep()).toEqual({ requeued: 0 });
    expect([...(await app.ctx.producer.inspect("lookup-contacts", [{ listId }])).values()]).toEqual([
      { state: "live" },
    ]);

    const sink = await new SmtpSink().start();
    const worker = await startTestWorker(sink.url, env);
    try {
      await lookedUp(listId);
      expect(await sweep()).toEqual({ requeued: 0 });
      expect((await summary(listId)).coverage).toEqual({
        registered: 1,
        abuseContact: 3,
        bySource: { override: 0, security_txt: 1, network: 2, asn: 0 },
        nobody: 4,
      });
      // One request per domain and per network; none for the registered domain or the RIPE range.
      const wellKnown = (name: string) => `/${domain(name)}/.well-known/security.txt`;
      expect([...internet.requests].sort()).toEqual(
        [
          "/iana/ipv4.json",
          `/rdap/ip/${net}.7.5`,
          `/rdap/ip/${net}.8.1`,
          ...["valid", "expired", "nomail", "big", "slow"].map(wellKnown),
        ].sort(),
      );

      const files = await app.ctx.db.prisma.securityTxtLookup.findMany({
        where: { domain: { endsWith: `-${tag}.example` } },
        orderBy: { domain: "asc" },
      });
      expect(files.map((f) => [f.domain, f.outcome, f.mailbox, f.language])).toEqual([
        [domain("big"), "unusable", null, null],
        [domain("expired"), "unusable", null, null],
        [domain("nomail"), "unusable", null, null],
        [domain("slow"), "failed", null, null],
        [domain("valid"), "found", mail.security, "fr"],
      ]);
      const reasons = Object.fromEntries(files.map((f) => [f.domain, f.reason]));
      expect(reasons[domain("big")]).toMatch(/larger than 32768 bytes/);
      expect(reasons[domain("expired")]).toMatch(/^expired on 2021-03-01/);
      expect(reasons[domain("nomail")]).toBe("no mailto: contact");
      expect(reasons[domain("slow")]).toBe("no answer within 800 ms");
      // Asked again after their TTLs: a day for what is not there, 15 minutes for a failure.
      const ttl = (d: string) => {
        const f = files.find((x) => x.domain === domain(d))!;
        return (f.expiresAt.getTime() - f.fetchedAt.getTime()) / 60_000;
      };
      expect([ttl("nomail"), ttl("slow"), ttl("valid")]).toEqual([24 * 60, 15, 7 * 24 * 60]);

      const networks = await withClientTransaction(app.ctx.db.pool, (c) =>
        c.query<{
          query: string;
          outcome: string;
          prefixes: string[];
          mailbox: string | null;
          language: string | null;
          ttl: number;
        }>(
          `SELECT "query", "outcome", "prefixes"::text[] AS "prefixes", "mailbox", "language"::text AS "language",
                  extract(epoch FROM "expires_at" - "fetched_at")::int AS "ttl"
             FROM "rdap_lookup" WHERE "query" LIKE $1 ORDER BY "query"`,
          [`${net}.%`],
        ),
      );
      expect(networks.rows).toEqual([
        {
          query: `${net}.7.5`,
          outcome: "found",
          prefixes: [`${net}.7.0/24`],
          mailbox: mail.rdap,
          language: "de",
          ttl: 3600,
        },
        {
          query: `${net}.8.1`,
          outcome: "unusable",
          prefixes: [`${net}.8.1/32`],
          mailbox: null,
          language: null,
          ttl: 86_400,
        },
      ]);

      // Provenance, where the RIPE candidates show theirs; security.txt first, then the network's contact.
      const exposures = (
        await app.inject({ method: "GET", url: `/api/lists/${listId}/exposures?pageSize=50`, headers: bearer(analyst) })
      ).json().exposures as {
        ip: string;
        hostname: string | null;
        matchReason: string;
        candidates: { reason: string; detail: string; organizationName: string }[];
      }[];
      const valid = exposures.find((e) => e.hostname === `www.${domain("valid")}`)!;
      expect(valid.matchReason).toBe("security_txt");
      expect(valid.candidates.map((c) => [c.reason, c.organizationName])).toEqual([
        ["security_txt", `${mail.security} (abuse contact)`],
        ["abuse_network", `${mail.rdap} (abuse contact)`],
      ]);
      expect(valid.candidates[0]!.detail).toMatch(
        new RegExp(
          `^security_txt ${internet.base}${wellKnown("valid").replace(/\./g, "\\.")} \\(read \\d{4}-\\d\\d-\\d\\d\\)$`,
        ),
      );
      expect(valid.candidates[1]!.detail).toContain(
        `rdap NET-${tag} (KUNDE-NETZ), registrant ORG-${tag} > abuse ABUSE-${tag}`,
      );
      const ripe = exposures.find((e) => e.ip === `${net}.9.1`)!;
      expect(ripe.candidates[0]!.detail).toBe(`ripe inetnum ${net}.9.0 - ${net}.9.255 (HOSTER-NET)`);

      const sent = await app.inject({
        method: "POST",
        url: `/api/campaigns/${campaignId}/send`,
        headers: bearer(analyst),
      });
      expect(sent.statusCode, sent.body).toBe(202);
      expect(sent.json()).toMatchObject({ notices: 4, queued: 4 });
      await waitFor(() => sink.mails.length >= 4, { what: "four notices" });
      const to = (address: string) => sink.mails.filter((m) => m.envelope.to.includes(address));
      for (const address of [mail.security, mail.rdap, mail.ripe, mail.registered]) expect(to(address)).toHaveLength(1);
      const text = (address: string) => to(address)[0]!.parsed.text!.replace(/\s+/g, " ");
      expect(text(mail.security)).toContain("transmettre ce message au client");
      expect(text(mail.security)).toContain(`www.${domain("valid")}`);
      expect(text(mail.rdap)).toContain("an den Kunden weiter");
      expect(text(mail.rdap)).toContain(`${net}.7.9`);
      expect(text(mail.rdap)).not.toContain(`${net}.7.5`);
      expect(text(mail.ripe)).toContain(`${net}.9.1`);

      // The same hosts again: every answer comes from the cache, no request leaves.
      const before = internet.requests.length;
      const again = await upload(8443);
      await lookedUp(again);
      expect(internet.requests).toHaveLength(before);
      expect((await summary(again)).coverage).toMatchObject({
        abuseContact: 3,
        bySource: { security_txt: 1, network: 2 },
      });

      // The file expires: the loaded fallback is stale (its version moves), and a new list no longer uses it.
      const version = await readFallbackVersion(app.ctx.db);
      await app.ctx.db.pool.query(
        `UPDATE "security_txt_lookup" SET "file_expires" = now() - interval '1 minute' WHERE "domain" = $1`,
        [domain("valid")],
      );
      expect(await readFallbackVersion(app.ctx.db)).not.toBe(version);
      const expired = await upload(10443);
      expect((await summary(expired)).coverage.bySource.security_txt).toBe(0);
    } finally {
      await worker.close();
      await sink.stop();
    }
  });

  it("are not queued when CONTACT_LOOKUP_ONLINE is off", async () => {
    const offline = await buildTestApp({ CONTACT_LOOKUP_ONLINE: "false" });
    try {
      const staff = await signIn(offline, "analyst");
      const body = listUpload(csv(9443));
      const up = await offline.inject({
        method: "POST",
        url: "/api/lists",
        payload: body.payload,
        headers: { ...body.headers, ...bearer(staff) },
      });
      expect(up.statusCode, up.body).toBe(201);
      const status = await offline.ctx.producer.inspect("lookup-contacts", [{ listId: up.json().id }]);
      expect([...status.values()]).toEqual([{ state: "missing" }]);
    } finally {
      await offline.close();
    }
  });

  it("ask RDAP for the AS number of a row whose address reached no one, once per AS block", async () => {
    const rows = (port: number) =>
      [
        "ip,port,hostname,asn",
        `${net}.6.1,${port},,4200000101`, // RDAP knows no network: the ASN is asked
        `${net}.6.2,${port},,4200000105`, // the same AS block: not asked again
        `,${port},www.${domain("asnonly")},4200000102`, // no address at all: the block's contact too
        `${net}.7.5,${port},,4200000150`, // RDAP's network answered: its ASN is not asked
        `${net}.9.1,${port},,4200000160`, // the RIPE range: neither
        `${net}.6.3,${port},,4200000170`, // an AS number RDAP has no autnum for: nobody
      ].join("\n");
    const uploadRows = async (port: number) => {
      const body = listUpload(rows(port));
      const up = await app.inject({
        method: "POST",
        url: "/api/lists",
        payload: body.payload,
        headers: { ...body.headers, ...bearer(analyst) },
      });
      expect(up.statusCode, up.body).toBe(201);
      return up.json().id as string;
    };
    const autnums = () => internet.requests.filter((r) => r.startsWith("/rdap/autnum/"));
    const sink = await new SmtpSink().start();
    const worker = await startTestWorker(sink.url, env);
    try {
      const listId = await uploadRows(1443);
      await lookedUp(listId);
      expect(autnums()).toEqual(["/rdap/autnum/4200000101", "/rdap/autnum/4200000170"]);
      expect((await summary(listId)).coverage).toEqual({
        registered: 0,
        abuseContact: 5,
        bySource: { override: 0, security_txt: 0, network: 2, asn: 3 },
        nobody: 1,
      });
      const exposures = (
        await app.inject({ method: "GET", url: `/api/lists/${listId}/exposures?pageSize=50`, headers: bearer(analyst) })
      ).json().exposures as { ip: string | null; matchReason: string; candidates: { detail: string }[] }[];
      const viaAsn = exposures.find((e) => e.ip === `${net}.6.2`)!;
      expect(viaAsn.matchReason).toBe("abuse_asn");
      expect(viaAsn.candidates[0]!.detail).toMatch(
        new RegExp(
          `^rdap AS-BLOCK-${tag} \\(TRANSIT-AS\\), abuse ABUSE-AS-${tag}, ${internet.base}/rdap/autnum/4200000101 \\(read \\d{4}-\\d\\d-\\d\\d\\)$`,
        ),
      );
      // Its organization writes in the AS's country's language.
      const org = await app.ctx.db.prisma.organization.findUnique({ where: { abuseMailbox: mail.asn } });
      expect(org).toMatchObject({ kind: "abuse_contact", contactSource: "rdap", language: "fr" });

      // The same rows again: every answer is cached, found or not.
      const again = await uploadRows(2443);
      await lookedUp(again);
      expect(autnums()).toHaveLength(2);
      expect((await summary(again)).coverage).toMatchObject({ abuseContact: 5, nobody: 1 });
    } finally {
      await worker.close();
      await sink.stop();
    }
  });
});
