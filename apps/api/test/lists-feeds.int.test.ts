import { SmtpSink, waitFor } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { counts, createOrg, space } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { multipart, uploadList } from "./upload.ts";

// The project's corpus (packages/core/test/corpus): the party to notify is always in 198.51.100.0/24,
// 2001:db8:1::/48, source.example, AS64501; the other side of an event in 203.0.113.0/24, 2001:db8:2::/48,
// other.example, AS64502. Each side is registered to an organization of its own here.
const corpus = (file: string) => readFileSync(new URL(`../../../packages/core/test/corpus/${file}`, import.meta.url));

type Exposure = { ip: string | null; hostname: string | null; port: number | null; severity: string | null };

describe("reading real feeds through the API", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  let source: { id: string; name: string };
  let other: { id: string; name: string };
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
    source = await createOrg(app, admin, {
      cidrs: ["198.51.100.0/24", "2001:db8:1::/48"],
      domains: ["source.example"],
      asns: [64501],
      language: "en",
      contacts: [{ email: "abuse@source.example", role: "abuse" }],
    });
    other = await createOrg(app, admin, {
      cidrs: ["203.0.113.0/24", "2001:db8:2::/48"],
      domains: ["other.example"],
      asns: [64502],
      language: "en",
      contacts: [{ email: "abuse@other.example", role: "abuse" }],
    });
  });
  afterAll(() => app.close());

  const exposures = async (listId: string) =>
    (await app.inject({ url: `/api/lists/${listId}/exposures`, headers: bearer(analyst) })).json()
      .exposures as (Exposure & {
      organization: { id: string } | null;
      candidates: { organizationId: string }[];
    })[];

  it("stores each family by its schema and routes every row to the source side, never the other", async () => {
    const files: [string, string, number][] = [
      ["2026-03-09-scan_exchange-baken-geo.csv", "scan_exchange", 2],
      ["2026-03-09-scan6_ssh-baken-geo.csv", "scan6_ssh", 2],
      ["2026-03-09-event4_sinkhole_http-baken-geo.csv", "event4_sinkhole_http", 1],
      ["2026-03-09-event6_sinkhole-baken-geo.csv", "event6_sinkhole", 1],
      ["2026-03-09-blocklist-baken-geo.csv", "blocklist", 4],
      ["2026-03-09-population_http_proxy-baken-geo.csv", "population_http_proxy", 1],
      ["2026-03-09-sandbox_url-baken-geo.csv", "sandbox_url", 1],
      ["2026-03-09-compromised_website-baken-geo.csv", "compromised_website", 2],
      ["shodan-export.json", "shodan", 2],
      ["intelmq-events.json", "intelmq", 3],
    ];
    for (const [file, type, accepted] of files) {
      const res = await uploadList(app, bearer(analyst), corpus(file), {}, file);
      expect(res.statusCode, `${file}: ${res.body}`).toBe(201);
      expect(res.json(), file).toMatchObject({ reportType: type, accepted });
      for (const e of await exposures(res.json().id)) {
        expect(e.organization?.id, `${file} ${e.ip}`).toBe(source.id);
        expect(e.candidates.map((c) => c.organizationId)).not.toContain(other.id);
      }
    }
  });

  it("keeps severity, classification and the report type with the list, and severity with each row", async () => {
    const up = await uploadList(app, bearer(analyst), corpus("2026-03-09-scan_http-baken-geo.csv"), {}, "scan.csv");
    expect(up.statusCode, up.body).toBe(201);
    // Named by its header alone (the file name says nothing): scan_http and scan6_http share it, an IPv4 row settles it.
    const detail = (await app.inject({ url: `/api/lists/${up.json().id}`, headers: bearer(analyst) })).json();
    expect(detail).toMatchObject({
      reportType: "scan_http",
      reportName: "Accessible HTTP",
      severity: "info",
      classification: { taxonomy: "other", type: "other", identifier: "accessible-http" },
    });
    const [row] = await exposures(up.json().id);
    expect(row).toMatchObject({ ip: "198.51.100.12", hostname: "cam.source.example", severity: "info" });
  });

  it("refuses what it cannot route safely with a 400 that says why, storing nothing", async () => {
    const before = await counts(app);
    const cases: [string, RegExp][] = [
      ["2026-03-09-compromised_account-baken-geo.csv", /Compromised Account report \(compromised_account\)/],
      ["ambiguous-two-addresses.csv", /ambiguous.*columns=/],
      ["never-routes.csv", /no address column/],
      ["malformed.json", /Malformed JSON at line 9, column 7/],
    ];
    for (const [file, message] of cases) {
      const res = await uploadList(app, bearer(analyst), corpus(file), {}, file);
      expect(res.statusCode, file).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect(await counts(app)).toEqual(before);
  });

  it("takes the analyst's column roles and the report type, sent before the file", async () => {
    const s = space();
    const org = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const csv = `src_ip,ip,port\n${s.v4}.5,203.0.113.50,443\n`;
    const mapped = await uploadList(app, bearer(analyst), csv, { columns: JSON.stringify({ ip: "ignore" }) });
    expect(mapped.statusCode, mapped.body).toBe(201);
    const [row] = await exposures(mapped.json().id);
    expect(row).toMatchObject({ ip: `${s.v4}.5`, organization: { id: org.id } });

    const named = await uploadList(app, bearer(analyst), `src_ip,src_port,dst_ip\n${s.v4}.6,80,203.0.113.6\n`, {
      reportType: "event4_ddos_participant",
    });
    expect(named.json()).toMatchObject({ reportType: "event4_ddos_participant", severity: "high" });

    const { payload, headers } = multipart([
      { name: "file", fileName: "late.csv", content: `src_ip,ip\n${s.v4}.7,203.0.113.7\n` },
      { name: "columns", value: JSON.stringify({ ip: "ignore" }) },
    ]);
    const before = await counts(app);
    const late = await app.inject({
      method: "POST",
      url: "/api/lists",
      headers: { ...bearer(analyst), ...headers },
      payload,
    });
    expect(late.statusCode, late.body).toBe(400);
    expect(late.json().message).toMatch(/columns came after the file: send reportType and columns before the file/);
    expect(await counts(app)).toEqual(before);
    const bad = await uploadList(app, bearer(analyst), csv, { columns: "ip=ignore" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: "columns" });
  });

  it("routes a network to the organization whose network contains all of it, and shows it as a network", async () => {
    const s = space();
    const wide = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`] });
    const narrow = await createOrg(app, admin, { cidrs: [`${s.v4}.128/25`] });
    const pair = `${s.v4.replace(/\d+$/, (n) => String(Number(n) & ~1))}.0/23`;
    const res = await uploadList(
      app,
      bearer(analyst),
      `ip,reason\n${s.v4}.0/24,drop\n${s.v4}.128/26,drop\n${s.v4}.130,spam\n${pair},drop\n`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const rows = await exposures(res.json().id);
    expect(rows.map((e) => [e.ip, e.organization?.id ?? null])).toEqual([
      [`${s.v4}.0/24`, wide.id],
      [`${s.v4}.128/26`, narrow.id],
      [`${s.v4}.130`, narrow.id],
      // Wider than anything registered there: nobody holds all of it.
      [pair, null],
    ]);
  });

  it("keeps a network and its first address as two hosts of a campaign, and lists the network in the notice", async () => {
    const s = space();
    const org = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`], language: "en" });
    const campaign = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Blocklist ${randomUUID()}`, severity: "low" },
    });
    const campaignId = campaign.json().id as string;
    const csv = `ip,reason\n${s.v4}.0/25,drop\n${s.v4}.0,spam\n`;
    const first = await uploadList(app, bearer(analyst), csv, { campaignId });
    expect(first.json()).toMatchObject({ accepted: 2, duplicates: 0, campaignHosts: { hosts: 2, created: 2 } });
    // The same hosts seen again by a later list: the same two campaign hosts, none new.
    const again = await uploadList(app, bearer(analyst), `${csv}# ${randomUUID()}\n`, { campaignId });
    expect(again.json().campaignHosts).toMatchObject({ hosts: 2, created: 0 });
    const keys = (await app.ctx.db.prisma.campaignHost.findMany({ where: { campaignId }, orderBy: { id: "asc" } })).map(
      (h) => [h.hostKey, h.organizationId],
    );
    expect(keys).toEqual([
      [`${s.v4}.0/25||`, org.id],
      [`${s.v4}.0||`, org.id],
    ]);
    const preview = (
      await app.inject({ method: "POST", url: `/api/campaigns/${campaignId}/preview`, headers: bearer(analyst) })
    ).json();
    expect(preview.notices[0].text).toContain(`${s.v4}.0/25`);
    // inet orders a network before the addresses inside it.
    expect(preview.notices[0].attachment.rows.map((r: string[]) => r[0])).toEqual([`${s.v4}.0/25`, `${s.v4}.0`]);

    // Assigned by hand, the network is matched as such on the next match.
    const other = await createOrg(app, admin);
    const listed = await exposures(first.json().id);
    const network = listed.find((e) => e.ip === `${s.v4}.0/25`)! as unknown as { id: number };
    const assigned = await app.inject({
      method: "POST",
      url: `/api/lists/${first.json().id}/assign`,
      headers: bearer(analyst),
      payload: { organizationId: other.id, exposureIds: [network.id] },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignments.ips).toEqual([`${s.v4}.0/25`]);
    const after = await exposures(first.json().id);
    expect(after.map((e) => [e.ip, e.organization?.id])).toEqual([
      [`${s.v4}.0/25`, other.id],
      [`${s.v4}.0`, org.id],
    ]);
  });

  it("previews an upload without storing anything: format, report type, roles, first rows and their routing", async () => {
    const before = await counts(app);
    const audits = await app.ctx.db.prisma.auditEvent.count();
    const preview = async (content: Buffer | string, fields: Record<string, string> = {}, fileName = "p.csv") => {
      const { payload, headers } = multipart([
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        { name: "file", fileName, content },
      ]);
      const res = await app.inject({
        method: "POST",
        url: "/api/lists/preview",
        headers: { ...bearer(analyst), ...headers },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const target = await preview(
      corpus("2026-03-09-event4_honeypot_ddos_target-baken-geo.csv"),
      {},
      "2026-03-09-event4_honeypot_ddos_target-baken-geo.csv",
    );
    expect(target).toMatchObject({
      format: "csv",
      delimiter: ",",
      kind: "shadowserver",
      reportType: "event4_honeypot_ddos_target",
      reportName: "Honeypot DDoS Target Events",
      severity: "info",
      problem: null,
    });
    const roles = Object.fromEntries(
      target.columns
        .filter((c: { role: string | null }) => c.role)
        .map((c: { name: string; role: string }) => [c.name, c.role]),
    );
    expect(roles).toMatchObject({ src_ip: "ip", src_port: "port", src_hostname: "hostname", timestamp: "timestamp" });
    expect(roles.dst_ip).toBeUndefined();
    expect(target.rows).toEqual([
      expect.objectContaining({
        line: 2,
        ip: "198.51.100.30",
        hostname: "www.source.example",
        port: 80,
        organization: { id: source.id, name: source.name },
        matchReason: "domain",
      }),
    ]);
    expect(target.rows[0].raw).toMatchObject({ dst_ip: "203.0.113.9", domain: "victim.other.example" });

    const ambiguous = await preview(corpus("ambiguous-two-addresses.csv"));
    expect(ambiguous.problem.message).toMatch(/ambiguous/);
    expect(ambiguous.columns.map((c: { name: string; role: string | null }) => [c.name, c.role])).toEqual([
      ["ip", "ip"],
      ["src_ip", "ip"],
      ["port", "port"],
    ]);
    const fixed = await preview(corpus("ambiguous-two-addresses.csv"), {
      columns: JSON.stringify({ src_ip: "ignore" }),
    });
    expect(fixed.problem).toBeNull();
    expect(fixed.rows.map((r: { ip: string }) => r.ip)).toEqual(["198.51.100.92"]);

    // A long file: only its beginning is read, 20 rows shown.
    const long = `ip\n${Array.from({ length: 5000 }, (_, i) => `198.51.100.${i % 250}`).join("\n")}\n`;
    const first = await preview(long);
    expect(first.rows).toHaveLength(20);
    expect(first.partial).toBe(true);
    expect(await counts(app)).toEqual(before);
    expect(await app.ctx.db.prisma.auditEvent.count()).toBe(audits);
  });

  describe("DDoS reports notify the source side only", () => {
    for (const [file, type, sourceIp] of [
      ["2026-03-09-event4_honeypot_ddos_target-baken-geo.csv", "event4_honeypot_ddos_target", "198.51.100.30"],
      ["2026-03-09-event4_ddos_participant-baken-geo.csv", "event4_ddos_participant", "198.51.100.31"],
    ] as const) {
      it(`${type}: the campaign's only notice goes to the source's organization, naming the report and its severity`, async () => {
        const campaign = await app.inject({
          method: "POST",
          url: "/api/campaigns",
          headers: bearer(analyst),
          payload: { name: `DDoS ${randomUUID()}`, severity: "high" },
        });
        expect(campaign.statusCode, campaign.body).toBe(201);
        const campaignId = campaign.json().id as string;
        const up = await uploadList(app, bearer(analyst), corpus(file), { campaignId }, file);
        expect(up.statusCode, up.body).toBe(201);

        const sink = await new SmtpSink().start();
        const worker = await startTestWorker(sink.url, { NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0" });
        try {
          const sent = await app.inject({
            method: "POST",
            url: `/api/campaigns/${campaignId}/send`,
            headers: bearer(analyst),
          });
          expect(sent.statusCode, sent.body).toBe(202);
          expect(sent.json()).toMatchObject({ notices: 1 });
          const notices = await app.ctx.db.prisma.notice.findMany({ where: { campaignId } });
          expect(notices.map((n) => n.organizationId)).toEqual([source.id]);
          const hosts = await app.ctx.db.prisma.campaignHost.findMany({ where: { campaignId } });
          expect(hosts.map((h) => h.organizationId)).toEqual([source.id]);

          await waitFor(() => sink.mails.length >= 1, { what: "the notice" });
          const mail = sink.mails[0];
          expect(mail!.envelope.to).toEqual(["abuse@source.example"]);
          const text = mail!.parsed.text!.replace(/\s+/g, " ");
          expect(text).toContain(`(${type})`);
          expect(text).toMatch(/severity: (informational|high)/);
          expect(text).toContain(sourceIp);
          // Nothing of the other side reaches the source either: its address is data in the row, not a host.
          expect(text).not.toContain("203.0.113.");
          await waitFor(
            async () => (await app.ctx.db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === 1,
            { what: "the notice recorded as sent" },
          );
          expect(sink.mails.filter((m) => m.envelope.to.includes("abuse@other.example"))).toEqual([]);
        } finally {
          await worker.close();
          await sink.stop();
        }
      });
    }
  });
});
