import { validateXarf, type XarfCampaignInput } from "@baken/core";
import { unzipSync } from "fflate";
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { describe, expect, it } from "vitest";
import { hostsAttachment, xarfAttachments, XARF_MAX_HOSTS, XARF_SEPARATE_MAX_HOSTS } from "../src/index.ts";
import { host } from "./fixtures.ts";

const reference = "BAKEN#20261123-00000042";
const reporter = { name: "CERT Baken", email: "incident@baken.example", website: "https://cert.baken.example" };
const campaign: Omit<XarfCampaignInput, "reference"> = {
  name: "Microsoft Exchange ProxyLogon",
  rsitClass: "vulnerable",
  rsitType: "vulnerable-system",
  cves: ["CVE-2021-26855"],
  tlp: "AMBER",
  description: "Exchange servers without the March 2021 updates let anyone run code on them.",
  service: "Microsoft Exchange",
};
const hosts = (n: number) => Array.from({ length: n }, (_, i) => host(i + 1));

const parse = (content: Buffer | Uint8Array) => JSON.parse(Buffer.from(content).toString("utf8")) as unknown;

describe("xarfAttachments", () => {
  it("attaches one valid X-ARF v4 report per host as *.xarf.json, named after the notice's CSV", () => {
    const { attachments, reports, refused } = xarfAttachments({ reference, reporter, campaign, hosts: hosts(3) });
    expect(refused).toEqual([]);
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["baken-20261123-00000042-001.xarf.json", "application/json"],
      ["baken-20261123-00000042-002.xarf.json", "application/json"],
      ["baken-20261123-00000042-003.xarf.json", "application/json"],
    ]);
    attachments.forEach((a, i) => {
      const report = parse(a.content);
      expect(validateXarf(report)).toEqual({ ok: true });
      expect(report).toMatchObject({
        category: "vulnerability",
        type: "cve",
        source_identifier: `192.0.2.${i + 1}`,
        tags: expect.arrayContaining(["tlp:amber", "baken:20261123-00000042"]),
      });
    });
    expect(reports).toHaveLength(3);
  });

  it("gives the same report ids when the notice is composed again", () => {
    const ids = () =>
      xarfAttachments({ reference, reporter, campaign, hosts: hosts(3) }).reports.map((r) => r.report_id);
    expect(ids()).toEqual(ids());
    expect(new Set(ids()).size).toBe(3);
  });

  it(`zips the reports above ${XARF_SEPARATE_MAX_HOSTS} hosts, each file still a valid report`, () => {
    const count = XARF_SEPARATE_MAX_HOSTS + 5;
    const { attachments } = xarfAttachments({ reference, reporter, campaign, hosts: hosts(count) });
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["baken-20261123-00000042.xarf.zip", "application/zip"],
    ]);
    const files = unzipSync(new Uint8Array(attachments[0]!.content));
    expect(Object.keys(files)).toHaveLength(count);
    expect(Object.keys(files)[0]).toBe("baken-20261123-00000042-001.xarf.json");
    for (const content of Object.values(files)) expect(validateXarf(parse(content))).toEqual({ ok: true });
  });

  it(`makes no report at all above ${XARF_MAX_HOSTS} hosts, and says so`, () => {
    const at = xarfAttachments({ reference, reporter, campaign, hosts: hosts(XARF_MAX_HOSTS) });
    expect(at.omitted).toBe(false);
    expect(at.reports).toHaveLength(XARF_MAX_HOSTS);
    // The largest X-ARF attachment a notice carries: about a megabyte.
    expect(at.attachments[0]!.content.length).toBeLessThan(1.5 * 1024 * 1024);
    const over = xarfAttachments({ reference, reporter, campaign, hosts: hosts(XARF_MAX_HOSTS + 1) });
    expect(over).toEqual({ attachments: [], reports: [], refused: [], omitted: true });
  });

  it("leaves out, with the reason, the hosts the report type cannot describe", () => {
    const { attachments, refused } = xarfAttachments({
      reference,
      reporter,
      campaign,
      hosts: [host(1), host(2, { port: null })],
    });
    expect(attachments).toHaveLength(1);
    expect(refused).toEqual([
      { host: host(2, { port: null }), reason: "vulnerability/cve: the host's port is not known" },
    ]);
  });

  it("attaches nothing for a campaign X-ARF has no type for", () => {
    const phishing = { ...campaign, rsitClass: "fraud", rsitType: "phishing", cves: [] } as const;
    const r = xarfAttachments({ reference, reporter, campaign: phishing, hosts: hosts(2) });
    expect(r.attachments).toEqual([]);
    expect(r.refused.map((x) => x.reason)).toEqual([
      "X-ARF v4 has no report type for RSIT fraud/phishing",
      "X-ARF v4 has no report type for RSIT fraud/phishing",
    ]);
  });

  it("travels beside the CSV in a mail as nodemailer composes the notice's attachments", async () => {
    const csv = hostsAttachment(reference, hosts(2));
    const { attachments } = xarfAttachments({ reference, reporter, campaign, hosts: hosts(2) });
    const raw = await new MailComposer({
      from: "cert@baken.example",
      to: "abuse@example.be",
      text: "notice",
      attachments: [{ filename: csv.filename, content: csv.content, contentType: csv.contentType }, ...attachments],
    })
      .compile()
      .build();
    const parsed = await simpleParser(raw);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["baken-20261123-00000042.csv", "text/csv"],
      ["baken-20261123-00000042-001.xarf.json", "application/json"],
      ["baken-20261123-00000042-002.xarf.json", "application/json"],
    ]);
    expect(validateXarf(parse(parsed.attachments[1]!.content))).toEqual({ ok: true });
  });
});
