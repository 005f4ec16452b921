import { validateXarf } from "@baken/core";
import { sendCampaign } from "@baken/services";
import { seedCampaign, seedScenario, SmtpSink, waitFor, type CaughtMail, type SeedHost } from "@baken/testing";
import { unzipSync } from "fflate";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "./helper.ts";

// The X-ARF v4 reports in delivered notices, read back from the SMTP sink as a recipient's tools read them:
// each attachment parsed and validated against the published schema.

const system = { id: null };

const hostsOf = (prefix: number, n: number): SeedHost[] =>
  Array.from({ length: n }, (_, i) => ({
    ip: `10.${prefix}.${i >> 8}.${i & 255}`,
    port: 443,
    protocol: "tcp",
    hostname: `mail${i}.o${prefix}.example`,
    tag: i === 0 ? "cve-2021-26855;exchange" : "exchange",
    version: "15.1.2176",
    seenAt: new Date("2026-11-20T10:00:00Z"),
  }));

const parseJson = (content: Uint8Array) => JSON.parse(Buffer.from(content).toString("utf8")) as Record<string, unknown>;

describe("X-ARF attachments of delivered notices", () => {
  const sink = new SmtpSink();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  beforeAll(async () => {
    await sink.start();
    worker = await startTestWorker(sink.url, { CERT_NAME: "CERT Testland", MAIL_REPLY_TO: "abuse-desk@cert.example" });
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
  });

  let prefix = 0;
  /** One organization (Dutch) with `n` hosts in a campaign classified as `rsit`; its delivered notice. */
  async function deliveredNotice(
    n: number,
    rsit?: { rsitClass: string; rsitType: string } | null,
  ): Promise<CaughtMail> {
    const ctx = worker.ctx;
    const campaignId = await seedCampaign(ctx.db, { name: `x-${randomUUID()}`, rsit });
    const email = `abuse-${randomUUID()}@o.example`;
    await seedScenario(ctx.db, campaignId, {
      orgs: [
        {
          id: randomUUID(),
          name: `Organisation ${randomUUID()}`,
          language: "nl",
          active: true,
          contacts: [{ email, role: "abuse", language: null, active: true }],
          hosts: hostsOf(++prefix, n),
          expected: null,
        },
      ],
      unmatched: [],
    });
    await sendCampaign(ctx, system, { id: campaignId });
    return waitFor(() => sink.mails.find((m) => m.envelope.to.includes(email)), { what: `the notice to ${email}` });
  }

  it("carries one valid report per host, of the campaign's type, from the CERT, with the TLP", async () => {
    const mail = await deliveredNotice(3);
    const names = mail.parsed.attachments.map((a) => a.filename);
    expect(names[0]).toMatch(/^baken-\d{8}-\d{8}\.csv$/);
    expect(names.slice(1)).toEqual([1, 2, 3].map((i) => names[0]!.replace(".csv", `-00${i}.xarf.json`)));
    const reports = mail.parsed.attachments.slice(1).map((a) => {
      expect(a.contentType).toBe("application/json");
      const report = parseJson(a.content);
      expect(validateXarf(report)).toEqual({ ok: true });
      return report;
    });
    expect(reports.map((r) => r.source_identifier)).toEqual([1, 2, 3].map((i) => `10.${prefix}.0.${i - 1}`));
    for (const report of reports) {
      expect(report).toMatchObject({
        xarf_version: "4.2.0",
        category: "vulnerability",
        type: "cve",
        source_port: 443,
        reporter: { org: "CERT Testland", contact: "abuse-desk@cert.example", domain: "cert.baken.example" },
        sender: { org: "CERT Testland" },
        tags: expect.arrayContaining(["tlp:amber", "rsit:vulnerable-system"]),
      });
      expect(String(report.description)).toMatch(/^TLP:AMBER\. /);
    }
    // The host's own CVE first, then the campaign's.
    expect(reports[0]).toMatchObject({ cve_id: "CVE-2021-26855" });
    // The notice says so in its language, with the classification and the CVEs linked.
    const text = mail.parsed.text!.replace(/\s+/g, " ");
    expect(text).toContain("Classificatie (RSIT-taxonomie): Kwetsbaarheid – Kwetsbaar systeem.");
    expect(text).toContain("- CVE-2021-27065: https://www.cve.org/CVERecord?id=CVE-2021-27065");
    expect(text).toContain(`X-ARF v4-formaat: ${names.slice(1).join(", ")}.`);
  });

  it("zips them above 20 hosts, each file still valid", async () => {
    const mail = await deliveredNotice(25);
    const [csv, zip, ...rest] = mail.parsed.attachments;
    expect(rest).toEqual([]);
    expect(zip!.filename).toBe(csv!.filename!.replace(".csv", ".xarf.zip"));
    expect(zip!.contentType).toBe("application/zip");
    const files = unzipSync(new Uint8Array(zip!.content));
    expect(Object.keys(files)).toHaveLength(25);
    for (const content of Object.values(files)) expect(validateXarf(parseJson(content))).toEqual({ ok: true });
    expect(mail.parsed.text!.replace(/\s+/g, " ")).toContain(`X-ARF v4-formaat: ${zip!.filename}.`);
  });

  it("sends only the CSV above 1,000 hosts, and says so", async () => {
    const mail = await deliveredNotice(1001);
    expect(mail.parsed.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.zip$/)]);
    expect(mail.parsed.text!.replace(/\s+/g, " ")).toContain(
      "Bij meer dan 1.000 systemen voegen we geen X-ARF-rapporten toe; het CSV-bestand bevat ze allemaal.",
    );
  });

  it("reports an infected host as a botnet infection, and carries none for a campaign not classified", async () => {
    const infected = await deliveredNotice(1, { rsitClass: "malicious-code", rsitType: "infected-system" });
    const report = parseJson(infected.parsed.attachments[1]!.content);
    expect(validateXarf(report)).toEqual({ ok: true });
    expect(report).toMatchObject({ category: "infrastructure", type: "botnet" });

    const unclassified = await deliveredNotice(2, null);
    expect(unclassified.parsed.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.csv$/)]);
    expect(unclassified.parsed.text).not.toMatch(/RSIT|X-ARF/);
  });
});
