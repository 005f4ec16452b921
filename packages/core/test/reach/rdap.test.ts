import { describe, expect, it } from "vitest";
import {
  jcardEmails,
  parseIp,
  parseRdapAutnum,
  parseRdapBootstrap,
  parseRdapIpNetwork,
  rdapQueryUrl,
  rdapServersForAsn,
  rdapServersForIp,
  rdapTtl,
} from "../../src/index.ts";

// Hand-written in the shapes IANA and the RIRs publish (documentation addresses and names only).
const IPV4_BOOTSTRAP = {
  version: "1.0",
  publication: "2026-11-01T00:00:00Z",
  description: "RDAP bootstrap file for IPv4 address allocations",
  services: [
    [
      ["192.0.0.0/8", "198.0.0.0/8"],
      ["https://rdap.arin.example/registry/", "http://rdap.arin.example/registry/"],
    ],
    [["198.51.0.0/16"], ["http://rdap.ripe.example", "https://rdap.ripe.example"]],
  ],
};
const ASN_BOOTSTRAP = {
  version: "1.0",
  publication: "2026-11-01T00:00:00Z",
  services: [
    [["64496-64511", "65536"], ["https://rdap.ripe.example/"]],
    [["1-1876"], ["https://rdap.arin.example/registry/"]],
  ],
};

/** RIPE's shape: the abuse role at the top level, its abuse-mailbox typed "abuse" beside the role's e-mail. */
const RIPE_NETWORK = {
  rdapConformance: ["cidr0", "rdap_level_0", "nro_rdap_profile_0"],
  objectClassName: "ip network",
  handle: "198.51.100.0 - 198.51.100.255",
  startAddress: "198.51.100.0",
  endAddress: "198.51.100.255",
  ipVersion: "v4",
  name: "EXAMPLE-NET",
  type: "ASSIGNED PA",
  country: "BE",
  parentHandle: "198.51.0.0 - 198.51.255.255",
  cidr0_cidrs: [{ v4prefix: "198.51.100.0", length: 24 }],
  entities: [
    {
      objectClassName: "entity",
      handle: "ORG-EX1-RIPE",
      roles: ["registrant"],
      vcardArray: [
        "vcard",
        [
          ["version", {}, "text", "4.0"],
          ["fn", {}, "text", "Example BV"],
          ["kind", {}, "text", "org"],
        ],
      ],
    },
    {
      objectClassName: "entity",
      handle: "AR1-RIPE",
      roles: ["abuse"],
      vcardArray: [
        "vcard",
        [
          ["version", {}, "text", "4.0"],
          ["fn", {}, "text", "Abuse desk"],
          ["kind", {}, "text", "group"],
          ["email", { type: "email" }, "text", "noc@example.be"],
          ["email", { type: "abuse" }, "text", "Abuse@Example.be"],
        ],
      ],
    },
  ],
  events: [{ eventAction: "last changed", eventDate: "2021-03-01T10:00:00Z" }],
};

/** ARIN's shape: range as start/end only, the abuse POC nested under the registrant organisation. */
const ARIN_NETWORK = {
  rdapConformance: ["nro_rdap_profile_0", "rdap_level_0", "arin_originas0"],
  objectClassName: "ip network",
  handle: "NET-192-0-2-0-1",
  startAddress: "192.0.2.0",
  endAddress: "192.0.3.127",
  ipVersion: "v4",
  name: "EXAMPLE-2",
  entities: [
    {
      objectClassName: "entity",
      handle: "EXAMP-1",
      roles: ["registrant"],
      vcardArray: [
        "vcard",
        [
          ["version", {}, "text", "4.0"],
          ["fn", {}, "text", "Example Inc."],
        ],
      ],
      entities: [
        {
          objectClassName: "entity",
          handle: "NOC123-ARIN",
          roles: ["technical", "administrative"],
          vcardArray: [
            "vcard",
            [
              ["version", {}, "text", "4.0"],
              ["email", {}, "text", "noc@example.com"],
            ],
          ],
        },
        {
          objectClassName: "entity",
          handle: "ABUSE123-ARIN",
          roles: ["abuse"],
          vcardArray: [
            "vcard",
            [
              ["version", {}, "text", "4.0"],
              ["fn", {}, "text", "Abuse"],
              ["email", {}, "text", "abuse@example.com"],
            ],
          ],
        },
      ],
    },
  ],
};

describe("RDAP bootstrap (RFC 9224)", () => {
  it("finds the servers of the longest matching prefix, https first", () => {
    const v4 = parseRdapBootstrap(IPV4_BOOTSTRAP, "ipv4");
    expect(v4.publication).toBe("2026-11-01T00:00:00Z");
    expect(rdapServersForIp(v4, parseIp("198.51.100.7")!)).toEqual([
      "https://rdap.ripe.example/",
      "http://rdap.ripe.example/",
    ]);
    expect(rdapServersForIp(v4, parseIp("198.18.0.1")!)).toEqual([
      "https://rdap.arin.example/registry/",
      "http://rdap.arin.example/registry/",
    ]);
    expect(rdapServersForIp(v4, parseIp("203.0.113.1")!)).toEqual([]);
    expect(rdapServersForIp(v4, parseIp("2001:db8::1")!)).toEqual([]);
    const asn = parseRdapBootstrap(ASN_BOOTSTRAP, "asn");
    expect(rdapServersForAsn(asn, 64500)).toEqual(["https://rdap.ripe.example/"]);
    expect(rdapServersForAsn(asn, 65536)).toEqual(["https://rdap.ripe.example/"]);
    expect(rdapServersForAsn(asn, 65537)).toEqual([]);
    expect(rdapQueryUrl("https://rdap.ripe.example/", { ip: parseIp("198.51.100.7")! })).toBe(
      "https://rdap.ripe.example/ip/198.51.100.7",
    );
    expect(rdapQueryUrl("https://rdap.ripe.example/", { asn: 64500 })).toBe("https://rdap.ripe.example/autnum/64500");
    expect(() => parseRdapBootstrap({ version: "1.0" }, "ipv4")).toThrow("no services list");
  });
});

describe("RDAP answers (RFC 9083)", () => {
  it("reads RIPE's shape: the prefixes from cidr0, the abuse role's abuse mailbox first", () => {
    expect(parseRdapIpNetwork(RIPE_NETWORK, { cacheControl: "public, max-age=7200" })).toEqual({
      ok: true,
      value: {
        handle: "198.51.100.0 - 198.51.100.255",
        name: "EXAMPLE-NET",
        country: "BE",
        prefixes: ["198.51.100.0/24"],
        abuse: { mailboxes: ["abuse@example.be", "noc@example.be"], handle: "AR1-RIPE", path: ["abuse AR1-RIPE"] },
        ttlSeconds: 7200,
      },
    });
  });

  it("reads ARIN's shape: a range made prefixes, the abuse contact nested under the registrant", () => {
    const r = parseRdapIpNetwork(ARIN_NETWORK);
    expect(r).toMatchObject({
      ok: true,
      value: {
        prefixes: ["192.0.2.0/24", "192.0.3.0/25"],
        abuse: {
          mailboxes: ["abuse@example.com"],
          handle: "ABUSE123-ARIN",
          path: ["registrant EXAMP-1", "abuse ABUSE123-ARIN"],
        },
        ttlSeconds: 86400,
      },
    });
  });

  it("reads an IPv6 network whose addresses carry a prefix length, and an autnum", () => {
    const v6 = parseRdapIpNetwork({
      objectClassName: "ip network",
      startAddress: "2001:db8::/32",
      endAddress: "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/32",
      ipVersion: "v6",
    });
    expect(v6).toMatchObject({ ok: true, value: { prefixes: ["2001:db8::/32"], abuse: null } });
    const as = parseRdapAutnum({
      objectClassName: "autnum",
      handle: "AS64496",
      startAutnum: 64496,
      endAutnum: 64496,
      name: "EXAMPLE-AS",
      country: "BE",
      entities: RIPE_NETWORK.entities,
    });
    expect(as).toMatchObject({
      ok: true,
      value: { first: 64496, last: 64496, country: "BE", abuse: { mailboxes: ["abuse@example.be", "noc@example.be"] } },
    });
  });

  it("says why an answer is not usable", () => {
    expect(parseRdapIpNetwork({ errorCode: 404, title: "Not Found" })).toEqual({
      ok: false,
      reason: "RDAP error 404: Not Found",
    });
    expect(parseRdapIpNetwork({ objectClassName: "autnum" })).toEqual({
      ok: false,
      reason: "not an ip network object",
    });
    expect(parseRdapIpNetwork("<html>")).toEqual({ ok: false, reason: "not a JSON object" });
    expect(parseRdapIpNetwork({ objectClassName: "ip network" })).toEqual({
      ok: false,
      reason: "no startAddress/endAddress or cidr0_cidrs",
    });
  });

  it("keeps an answer as long as the server says, within bounds, a day otherwise", () => {
    expect(rdapTtl({ cacheControl: "max-age=60" })).toBe(300);
    expect(rdapTtl({ cacheControl: "max-age=99999999" })).toBe(7 * 86400);
    expect(rdapTtl({ cacheControl: "no-store" })).toBe(300);
    expect(rdapTtl({ expires: "Mon, 30 Nov 2026 14:00:00 GMT", date: "Mon, 30 Nov 2026 12:00:00 GMT" })).toBe(7200);
    expect(rdapTtl({})).toBe(86400);
  });

  it("reads jCard e-mails, typed abuse first, mailto: prefixes dropped", () => {
    expect(
      jcardEmails([
        "vcard",
        [
          ["email", {}, "text", "mailto:one@example.be"],
          ["email", { type: ["work", "abuse"] }, "text", "two@example.be"],
          ["tel", {}, "uri", "tel:+32"],
        ],
      ]),
    ).toEqual(["two@example.be", "one@example.be"]);
    expect(jcardEmails(null)).toEqual([]);
  });
});
