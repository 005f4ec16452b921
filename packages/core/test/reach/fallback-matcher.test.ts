import { describe, expect, it } from "vitest";
import {
  abuseContactOrganizationId,
  buildMatcher,
  PackedAnswers,
  parseCidr,
  parseIp,
  PrefixMapBuilder,
  ResultMemo,
  withFallback,
  type FallbackData,
} from "../../src/index.ts";

const cidr = (text: string) => {
  const p = parseCidr(text);
  if (!p.ok) throw new Error(text);
  return p.cidr;
};

function data(over: Partial<FallbackData> = {}): FallbackData {
  const b = new PrefixMapBuilder();
  b.add(cidr("198.51.100.0/24"), 0);
  b.add(cidr("198.51.100.128/25"), 1);
  const answers = new PackedAnswers("ripe");
  answers.add("abuse@hoster.example", "inetnum 198.51.100.0 - 198.51.100.255 (HOSTER)");
  answers.add("abuse@customer.example", "inetnum 198.51.100.128 - 198.51.100.255 (CUST)");
  return {
    prefixes: b.build(),
    prefixAnswers: answers,
    asns: new Map([[64500, { mailbox: "abuse@transit.example", source: "ripe", object: "aut-num AS64500" }]]),
    securityTxt: new Map([
      [
        "shop.example",
        {
          mailbox: "security@shop.example",
          source: "security_txt",
          object: "https://shop.example/.well-known/security.txt",
        },
      ],
    ]),
    blocked: new Set(),
    ...over,
  };
}

const registry = buildMatcher({
  networks: [{ organizationId: "11111111-1111-4111-8111-111111111111", cidr: "198.51.100.0/28" }],
  domains: [],
  asns: [],
  manual: [],
});

describe("the fallback after the registry", () => {
  it("leaves registered matches alone, then takes security.txt > the most specific range > the ASN", () => {
    const m = withFallback(registry, data());
    const registered = m.match({ ip: parseIp("198.51.100.5"), hostname: null, asn: 64500 });
    expect(registered).toBe(registry.match({ ip: parseIp("198.51.100.5"), hostname: null, asn: 64500 }));

    const r = m.match({ ip: parseIp("198.51.100.200"), hostname: "www.shop.example", asn: 64500 });
    expect(r.reason).toBe("security_txt");
    expect(r.organizationId).toBe(abuseContactOrganizationId("security@shop.example"));
    expect(r.candidates.map((c) => [c.reason, c.detail])).toEqual([
      ["security_txt", "security_txt https://shop.example/.well-known/security.txt"],
      ["abuse_network", "ripe inetnum 198.51.100.128 - 198.51.100.255 (CUST)"],
      ["abuse_asn", "ripe aut-num AS64500"],
    ]);
    expect(m.contactOf(r.organizationId!)).toMatchObject({ mailbox: "security@shop.example", source: "security_txt" });
    // The fast path answers the same, shared result.
    expect(m.matchV4(((198 << 24) | (51 << 16) | (100 << 8) | 200) >>> 0, "www.shop.example", 64500)).toBe(r);

    const outside = m.match({ ip: parseIp("192.0.2.1"), hostname: null, asn: 64500 });
    expect(outside.reason).toBe("abuse_asn");
    expect(m.match({ ip: parseIp("192.0.2.1"), hostname: null, asn: null }).organizationId).toBeNull();
  });

  it("answers a row reaching only a range as a full result would, once per range, its JSON the same", () => {
    const m = withFallback(registry, data());
    const address = ((198 << 24) | (51 << 16) | (100 << 8) | 200) >>> 0;
    const r = m.matchV4(address, null, null);
    const id = abuseContactOrganizationId("abuse@customer.example");
    expect([r.organizationId, r.reason]).toEqual([id, "abuse_network"]);
    expect(JSON.parse(JSON.stringify(r.candidates))).toEqual([
      { organizationId: id, reason: "abuse_network", detail: "ripe inetnum 198.51.100.128 - 198.51.100.255 (CUST)" },
    ]);
    expect(r.candidates).toBe(r.candidates);
    expect(Object.isFrozen(r.candidates)).toBe(true);
    expect(m.match({ ip: parseIp("198.51.100.201"), hostname: null, asn: null })).toBe(r);
    expect(m.contactOf(id)).toMatchObject({
      mailbox: "abuse@customer.example",
      source: "ripe",
      reason: "abuse_network",
    });
    // Another range of the same mailbox: another result, the same organization.
    const hoster = m.matchV4(address - 100, null, null);
    expect(hoster.organizationId).toBe(abuseContactOrganizationId("abuse@hoster.example"));
    expect(hoster.candidates[0]!.detail).toBe("ripe inetnum 198.51.100.0 - 198.51.100.255 (HOSTER)");
  });

  it("takes a network row's range only when one range holds all of it, and never a blocked mailbox", () => {
    const m = withFallback(registry, data({ blocked: new Set(["abuse@customer.example"]) }));
    const net = (text: string) => m.match({ ip: null, network: cidr(text), hostname: null, asn: null });
    expect(net("198.51.100.64/26").candidates[0]?.detail).toContain("HOSTER");
    expect(net("198.51.100.0/23").organizationId).toBeNull();
    const blocked = m.match({ ip: parseIp("198.51.100.200"), hostname: null, asn: null });
    expect(blocked.organizationId).toBeNull();
  });

  it("puts staff's override of a range first (the most specific), after every registered match", () => {
    const staff = "22222222-2222-4222-8222-222222222222";
    const cert = "33333333-3333-4333-8333-333333333333";
    const o = new PrefixMapBuilder();
    o.add(cidr("198.51.100.0/24"), 0);
    o.add(cidr("198.51.100.192/26"), 1);
    const m = withFallback(
      registry,
      data({
        overrides: {
          prefixes: o.build(),
          targets: [
            { organizationId: staff, cidr: "198.51.100.0/24" },
            { organizationId: cert, cidr: "198.51.100.192/26" },
          ],
        },
      }),
    );
    const r = m.match({ ip: parseIp("198.51.100.200"), hostname: "www.shop.example", asn: null });
    expect(r.candidates.map((c) => [c.organizationId, c.reason, c.detail])).toEqual([
      [cert, "override", "override 198.51.100.192/26"],
      [
        abuseContactOrganizationId("security@shop.example"),
        "security_txt",
        "security_txt https://shop.example/.well-known/security.txt",
      ],
      [
        abuseContactOrganizationId("abuse@customer.example"),
        "abuse_network",
        "ripe inetnum 198.51.100.128 - 198.51.100.255 (CUST)",
      ],
    ]);
    expect(m.matchV4(((198 << 24) | (51 << 16) | (100 << 8) | 200) >>> 0, "www.shop.example", null)).toBe(r);
    expect(m.match({ ip: parseIp("198.51.100.70"), hostname: null, asn: null }).organizationId).toBe(staff);
    // The registered network (198.51.100.0/28) wins over the override holding it.
    expect(m.match({ ip: parseIp("198.51.100.5"), hostname: null, asn: null }).reason).toBe("network");
    // A network row: the override holding all of it.
    expect(m.match({ ip: null, network: cidr("198.51.100.64/26"), hostname: null, asn: null }).organizationId).toBe(
      staff,
    );
    // No override: no candidate of that kind.
    expect(m.match({ ip: parseIp("192.0.2.1"), hostname: null, asn: null }).organizationId).toBeNull();
  });

  it("names each mailbox's organization the same everywhere, as a UUID", () => {
    const id = abuseContactOrganizationId("Abuse@Hoster.example");
    expect(id).toBe(abuseContactOrganizationId("abuse@hoster.example"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("PackedAnswers", () => {
  it("gives back each answer as added, one index for the same answer added twice in a row", () => {
    const a = new PackedAnswers("ripe");
    expect(a.add("abuse@one.example", "inetnum 192.0.2.0 - 192.0.3.127 (ONE)")).toBe(0);
    expect(a.add("abuse@one.example", "inetnum 192.0.2.0 - 192.0.3.127 (ONE)")).toBe(0);
    expect(a.add("abuse@two.example", "inet6num 2001:db8::/48 (TWO)")).toBe(1);
    expect(a.add("abuse@one.example", "inetnum 198.51.100.0 - 198.51.100.255")).toBe(2);
    expect(a.length).toBe(3);
    expect(a.at(2)).toEqual({
      mailbox: "abuse@one.example",
      source: "ripe",
      object: "inetnum 198.51.100.0 - 198.51.100.255",
    });
    expect(a.at(1)?.object).toBe("inet6num 2001:db8::/48 (TWO)");
    expect(a.at(3)).toBeUndefined();
    expect(a.at(-1)).toBeUndefined();
    expect([a.mailboxOf(0), a.mailboxOf(1), a.mailboxOf(2), a.mailboxCount]).toEqual([0, 1, 0, 2]);
  });

  it("puts answers given whole first, their mailboxes numbered with the packed ones", () => {
    const rdap = {
      mailbox: "abuse@two.example",
      source: "rdap" as const,
      object: "NET-2 (read 2026-11-30)",
      language: "fr" as const,
    };
    const a = new PackedAnswers("ripe", [rdap]);
    expect(a.add("abuse@one.example", "inetnum 192.0.2.0 - 192.0.2.255")).toBe(1);
    expect(a.add("abuse@two.example", "inetnum 198.51.100.0 - 198.51.100.255")).toBe(2);
    expect(a.at(0)).toBe(rdap);
    expect(a.at(2)).toEqual({
      mailbox: "abuse@two.example",
      source: "ripe",
      object: "inetnum 198.51.100.0 - 198.51.100.255",
    });
    expect([a.mailboxOf(0), a.mailboxOf(1), a.mailboxOf(2), a.length]).toEqual([0, 1, 0, 3]);
  });
});

describe("ResultMemo", () => {
  it("keeps a value per result, a range's on the result itself, and each memo sees only its own", () => {
    const m = withFallback(registry, data());
    const range = m.matchV4(((198 << 24) | (51 << 16) | (100 << 8) | 200) >>> 0, null, null);
    const registered = m.match({ ip: parseIp("198.51.100.5"), hostname: null, asn: null });
    expect(range.reason).toBe("abuse_network");

    const first = new ResultMemo<string>();
    const second = new ResultMemo<string>();
    expect(first.get(range)).toBeUndefined();
    first.set(range, "range");
    first.set(registered, "registered");
    expect([first.get(range), first.get(registered)]).toEqual(["range", "registered"]);
    // Another upload's memo: the value the first one left on the range's result is not its own.
    expect([second.get(range), second.get(registered)]).toEqual([undefined, undefined]);
    second.set(range, "second");
    expect([second.get(range), first.get(range)]).toEqual(["second", undefined]);
  });
});
