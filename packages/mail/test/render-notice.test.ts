import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { hostsAttachment, renderNotice } from "../src/index.ts";
import { host, view } from "./fixtures.ts";

describe("renderNotice", () => {
  it("writes each language with reference, TLP, counts, link and the compromise date", () => {
    const expected = {
      nl: ["Geachte heer, mevrouw", "3 kwetsbare systemen", "1 januari 2021", "Wat moet u nu doen?", "ernst: kritiek"],
      fr: [
        "Madame, Monsieur",
        "3 systèmes vulnérables",
        "1 janvier 2021",
        "Que faire maintenant\u00a0?",
        "gravité\u00a0: critique",
      ],
      de: [
        "Sehr geehrte Damen und Herren",
        "3 verwundbare Systeme",
        "1. Januar 2021",
        "Was ist jetzt zu tun?",
        "Schweregrad: kritisch",
      ],
      en: ["Dear Sir or Madam", "3 vulnerable systems", "1 January 2021", "What to do now", "severity: critical"],
    } as const;
    for (const language of ["nl", "fr", "de", "en"] as const) {
      const r = renderNotice(view({ language }));
      expect(r.subject).toContain("[BAKEN#20261123-00000042]");
      expect(r.subject).toContain("TLP:AMBER");
      expect(r.subject).toContain("Microsoft Exchange ProxyLogon");
      const flat = `${r.subject} ${r.text}`.replace(/\s+/g, " ");
      for (const phrase of expected[language]) expect(flat).toContain(phrase.replace(/\s+/g, " "));
      expect(r.text).toContain("https://baken.example/r/TOKEN");
      expect(r.text).toContain("192.0.2.1:443 (mail1.example.be)");
      // The report the hosts were seen in, with its type and severity.
      expect(flat).toContain("Vulnerable Exchange Server (scan_exchange)");
      expect(r.html).toContain('<a href="https://baken.example/r/TOKEN">');
      expect(r.html).toContain(`lang="${language}"`);
    }
  });

  it("names the RSIT classification, links each CVE to cve.org and names the X-ARF files, in each language", () => {
    const expected = {
      nl: ["Classificatie (RSIT-taxonomie): Kwetsbaarheid – Kwetsbaar systeem.", "CVE-fiches:", "X-ARF v4-formaat"],
      fr: [
        "Classification (taxonomie RSIT)\u00a0: Vulnérabilité – Système vulnérable.",
        "Fiches CVE",
        "format X-ARF v4",
      ],
      de: [
        "Klassifizierung (RSIT-Taxonomie): Schwachstelle – Verwundbares System.",
        "CVE-Einträge:",
        "Format X-ARF v4",
      ],
      en: ["Classification (RSIT taxonomy): Vulnerability – Vulnerable system.", "CVE records:", "X-ARF v4 format"],
    } as const;
    for (const language of ["nl", "fr", "de", "en"] as const) {
      const r = renderNotice(view({ language }));
      const flat = r.text.replace(/\s+/g, " ");
      for (const phrase of expected[language]) expect(flat).toContain(phrase.replace(/\s+/g, " "));
      expect(r.text).toContain("- CVE-2021-26855: https://www.cve.org/CVERecord?id=CVE-2021-26855");
      expect(r.html).toContain('<a href="https://www.cve.org/CVERecord?id=CVE-2021-27065">CVE-2021-27065</a>');
      expect(flat).toContain(
        "baken-20261123-00000042-001.xarf.json, baken-20261123-00000042-002.xarf.json, baken-20261123-00000042-003.xarf.json.",
      );
    }
    const many = renderNotice(
      view({ xarf: { files: ["a-001.xarf.json", "a-002.xarf.json", "a-003.xarf.json", "a-004.xarf.json"] } }),
    );
    expect(many.text.replace(/\s+/g, " ")).toContain("a-001.xarf.json, …, a-004.xarf.json.");
    const omitted = renderNotice(view({ language: "nl", xarf: { omittedAbove: 1000 } }));
    expect(omitted.text.replace(/\s+/g, " ")).toContain(
      "Bij meer dan 1.000 systemen voegen we geen X-ARF-rapporten toe; het CSV-bestand bevat ze allemaal.",
    );
    const bare = renderNotice(view({ xarf: null, campaign: { ...view().campaign, rsit: null, cves: [] } }));
    expect(bare.text).not.toMatch(/RSIT|X-ARF|CVE records/);
  });

  it("says what is still seen in a reminder", () => {
    const r = renderNotice(
      view({ kind: "reminder", language: "nl", hostCount: 1, firstNoticeAt: new Date("2026-11-01T00:00:00Z") }),
    );
    expect(r.subject).toContain("Herinnering");
    expect(r.text.replace(/\s+/g, " ")).toContain("1 november 2026");
    expect(r.text.replace(/\s+/g, " ")).toContain("is 1 systeem nog altijd kwetsbaar");
  });

  it("asks a network operator's abuse desk to forward, in each language", () => {
    const forward = {
      en: "forward this message to the customer",
      nl: "stuur dit bericht door",
      fr: "transmettre ce message au client",
      de: "an den Kunden weiter",
    };
    for (const language of ["en", "nl", "fr", "de"] as const) {
      const operator = renderNotice(
        view({ language, organization: { name: "abuse@hoster.example (abuse contact)", operator: true } }),
      );
      expect(operator.text).toContain(forward[language]);
      expect(operator.text).not.toContain("abuse@hoster.example (abuse contact)");
      const registered = renderNotice(view({ language }));
      expect(registered.text).not.toContain(forward[language]);
    }
  });

  it("shows TLP:AMBER+STRICT and escapes HTML from campaign data", () => {
    const r = renderNotice(
      view({ tlp: "AMBER_STRICT", organization: { name: "<script>x</script>", operator: false } }),
    );
    expect(r.subject).toContain("TLP:AMBER+STRICT");
    expect(r.html).not.toContain("<script>x");
    expect(r.html).toContain("&lt;script&gt;");
  });
});

describe("hostsAttachment", () => {
  it("writes a CSV with neutralised cells", () => {
    const a = hostsAttachment("BAKEN#20261123-00000042", [
      host(1),
      host(2, { hostname: "=cmd|' /C calc'!A0", version: "@SUM(1)" }),
    ]);
    expect(a.filename).toBe("baken-20261123-00000042.csv");
    const lines = a.content
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("ip,port,protocol,hostname,seen_at,tag,version,severity");
    expect(lines[1]).toBe("192.0.2.1,443,https,mail1.example.be,2026-11-20T08:00:01.000Z,exchange,15.1.2176,critical");
    expect(lines[2]).toBe(
      "192.0.2.2,443,https,'=cmd|' /C calc'!A0,2026-11-20T08:00:02.000Z,exchange,'@SUM(1),critical",
    );
  });

  it("zips above 1,000 hosts", () => {
    const hosts = Array.from({ length: 1001 }, (_, i) => host(i));
    const a = hostsAttachment("BAKEN#20261123-00000042", hosts);
    expect(a.filename).toBe("baken-20261123-00000042.zip");
    const files = unzipSync(new Uint8Array(a.content));
    const csv = strFromU8(files["baken-20261123-00000042.csv"]!);
    expect(csv.trim().split("\r\n")).toHaveLength(1002);
  });
});
