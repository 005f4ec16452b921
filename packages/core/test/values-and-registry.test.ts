import { describe, expect, it } from "vitest";
import {
  hostKey,
  normaliseHostname,
  parseAsn,
  parseIp,
  parsePort,
  parseTimestamp,
  readRegistryFile,
  validateOrganization,
} from "../src/index.ts";

describe("timestamps", () => {
  it("reads Shadowserver, ISO with zones, dates and Unix time; refuses nonsense", () => {
    const iso = (s: string) => {
      const r = parseTimestamp(s);
      return r.ok ? r.value.toISOString() : r.message;
    };
    expect(iso("2021-03-09 06:00:00")).toBe("2021-03-09T06:00:00.000Z");
    expect(iso("2021-03-09T08:00:00+02:00")).toBe("2021-03-09T06:00:00.000Z");
    expect(iso("2021-03-09T06:00:00.123456Z")).toBe("2021-03-09T06:00:00.123Z");
    expect(iso("2021-03-09")).toBe("2021-03-09T00:00:00.000Z");
    expect(iso("1615269600")).toBe("2021-03-09T06:00:00.000Z");
    expect(iso("2021-02-30 00:00:00")).toMatch(/not a date/);
    expect(iso("1850-01-01")).toMatch(/out of range/);
  });
});

describe("hostnames, ports and AS numbers", () => {
  const host = (s: string) => {
    const r = normaliseHostname(s);
    return r.ok ? r.value : r.message;
  };
  it("normalises names: case, blanks, one trailing dot, punycode", () => {
    expect(host("mail.a.example")).toBe("mail.a.example");
    expect(host(" Mail.A.Example. ")).toBe("mail.a.example");
    expect(host("_dmarc.a-b.example")).toBe("_dmarc.a-b.example");
    expect(host("bücher.example")).toBe("xn--bcher-kva.example");
    expect(host(`${"a".repeat(63)}.example`)).toBe(`${"a".repeat(63)}.example`);
  });
  it("refuses what is not a DNS name, saying when it looks like a bad address", () => {
    for (const bad of [
      "",
      ".",
      "a..example",
      "-a.example",
      "a-.example",
      "a b.example",
      "a.example..",
      `${"a".repeat(64)}.example`,
      "a/b.example",
      `${"a.".repeat(127)}example`,
    ])
      expect(host(bad), bad).toBe(`not a valid hostname: '${bad}'`);
    expect(host("198.18.0")).toBe("not a valid hostname or IP address: '198.18.0'");
    expect(host("a.123")).toBe("not a valid hostname or IP address: 'a.123'");
    expect(host("123.example")).toBe("123.example");
  });
  it("reads ports 0-65535 and AS numbers with or without AS", () => {
    expect([" 443 ", "0", "65535"].map((p) => parsePort(p))).toEqual(
      [443, 0, 65535].map((value) => ({ ok: true, value })),
    );
    for (const bad of ["65536", "-1", "4a", "", "123456"]) expect(parsePort(bad).ok, bad).toBe(false);
    expect(["64512", "AS64512", "as4294967295"].map((a) => parseAsn(a))).toEqual(
      [64512, 64512, 4294967295].map((value) => ({ ok: true, value })),
    );
    for (const bad of ["4294967296", "AS", "ASX1", "12345678901"]) expect(parseAsn(bad).ok, bad).toBe(false);
  });
});

describe("dedupe key", () => {
  it("is ip|port|hostname with empty parts", () => {
    expect(hostKey({ ip: parseIp("::ffff:198.18.0.1"), port: 443, hostname: "a.example" })).toBe(
      "198.18.0.1|443|a.example",
    );
    expect(hostKey({ ip: null, port: null, hostname: "a.example" })).toBe("||a.example");
  });
});

describe("registry records", () => {
  it("normalises a valid organization", () => {
    const r = validateOrganization({
      name: " Atlas Telecom ",
      country: "be",
      language: "fr",
      contacts: [{ email: "Abuse@ISP.example", name: "Desk", role: "abuse" }],
      cidrs: ["198.18.0.0/20", "2001:DB8::/32"],
      asns: ["AS64512", 64512],
      domains: ["ISP.example."],
    });
    expect(r).toEqual({
      ok: true,
      record: {
        name: "Atlas Telecom",
        sector: null,
        country: "BE",
        language: "fr",
        contacts: [{ email: "abuse@isp.example", name: "Desk", role: "abuse", language: null }],
        cidrs: ["198.18.0.0/20", "2001:db8::/32"],
        asns: [64512],
        domains: ["isp.example"],
      },
    });
  });

  it("names every bad field", () => {
    const r = validateOrganization(
      {
        name: "X",
        language: "es",
        contacts: [{ email: "nope" }],
        cidrs: ["198.18.0.1/20"],
        asns: ["ASX"],
        domains: ["x"],
      },
      7,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [7, "language"],
      [7, "contacts[0].email"],
    ]);
    const r2 = validateOrganization({ name: "X", cidrs: ["198.18.0.1/20"], asns: ["ASX"], domains: ["x"] });
    expect(r2.ok ? [] : r2.errors.map((e) => e.field)).toEqual(["cidrs[0]", "asns[0]", "domains[0]"]);
  });

  it("takes a fallback address when the file gives one, and tells absent from cleared", () => {
    const nd = readRegistryFile(
      ['{"name":"A","fallbackEmail":"NOC@Hoster.example"}', '{"name":"B","fallbackEmail":""}', '{"name":"C"}'].join(
        "\n",
      ),
    );
    expect(nd.entries.map((e) => (e.ok ? e.record.fallbackEmail : e.errors))).toEqual([
      "noc@hoster.example",
      null,
      undefined,
    ]);
    const csv = readRegistryFile("name,fallback_email\nA,noc@hoster.example\nB,\nC,not-an-address\n");
    expect(csv.entries.map((e) => (e.ok ? e.record.fallbackEmail : e.errors))).toEqual([
      "noc@hoster.example",
      null,
      [{ line: 4, field: "fallbackEmail", message: "not a valid e-mail address" }],
    ]);
    expect(readRegistryFile("name\nA\n").entries.map((e) => e.ok && "fallbackEmail" in e.record)).toEqual([false]);
  });

  it("reads NDJSON and CSV registry files with line numbers", () => {
    const nd = readRegistryFile('{"name":"A","cidrs":["198.18.0.0/24"]}\n\n{"name":"B","language":"xx"}\nnot json\n');
    expect(nd.format).toBe("ndjson");
    expect(nd.entries.map((e) => [e.line, e.ok])).toEqual([
      [1, true],
      [3, false],
      [4, false],
    ]);
    const csv = readRegistryFile(
      "name,sector,country,language,contacts,cidrs,asns,domains\n" +
        '"Atlas, Telecom",ict,BE,nl,abuse@a.example|abuse|Desk|en;sec@a.example|security,198.18.0.0/20;2001:db8::/32,64512,a.example\n' +
        "Bad,,,,,10.0.0.1/8,,\n",
    );
    expect(csv.format).toBe("csv");
    const [a, b] = csv.entries;
    expect(a).toMatchObject({
      line: 2,
      ok: true,
      record: { name: "Atlas, Telecom", cidrs: ["198.18.0.0/20", "2001:db8::/32"], asns: [64512] },
    });
    expect(a?.ok && a.record.contacts).toEqual([
      { email: "abuse@a.example", role: "abuse", name: "Desk", language: "en" },
      { email: "sec@a.example", role: "security", name: "", language: null },
    ]);
    expect(b).toMatchObject({ line: 3, ok: false, errors: [{ line: 3, field: "cidrs[0]" }] });
  });
});
