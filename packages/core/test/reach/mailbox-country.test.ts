import { describe, expect, it } from "vitest";
import { mailboxCountryRows } from "../../src/index.ts";
import { importDump, inetnum, obj, org, role } from "./helpers.ts";

const countriesOf = (data: Parameters<typeof mailboxCountryRows>[0]) =>
  Object.fromEntries([...mailboxCountryRows(data)].map((r) => [r.mailbox, r.country]));

describe("a RIPE mailbox's country", () => {
  const roles =
    role("AB1-RIPE", "abuse@hoster.example") +
    role("AB2-RIPE", "abuse@mixed.example") +
    role("AB3-RIPE", "noc@as.example");

  it("is the country of most of the ranges reaching it, their own contact or inherited", () => {
    const { data } = importDump({
      "ripe.db.inetnum":
        inetnum("198.18.0.0 - 198.18.255.255", { abuseC: "AB1-RIPE", country: "NL" }) +
        // Customers of the hoster, with an org of their own and no abuse-c: they inherit its mailbox.
        inetnum("198.18.1.0 - 198.18.1.255", { org: "ORG-C1-RIPE", country: "BE" }) +
        inetnum("198.18.2.0 - 198.18.2.255", { org: "ORG-C1-RIPE", country: "be" }) +
        inetnum("198.18.3.0 - 198.18.3.255", { abuseC: "AB1-RIPE", country: "BE # and LU" }) +
        inetnum("198.18.4.0 - 198.18.4.255", { abuseC: "AB1-RIPE", country: "NL" }) +
        // Two of three ranges in LU.
        inetnum("198.51.100.0 - 198.51.100.63", { abuseC: "AB2-RIPE", country: "LU" }) +
        inetnum("198.51.100.64 - 198.51.100.127", { abuseC: "AB2-RIPE", country: "DE" }) +
        inetnum("198.51.100.128 - 198.51.100.255", { abuseC: "AB2-RIPE", country: "LU" }) +
        // Several country lines: the first.
        obj(
          ["inetnum", "203.0.113.0 - 203.0.113.255"],
          ["netname", "MULTI"],
          ["country", "FR"],
          ["country", "BE"],
          ["country", "BE"],
          ["abuse-c", "AB3-RIPE"],
        ),
      "ripe.db.organisation": org("ORG-C1-RIPE"),
      "ripe.db.role": roles,
    });
    expect(countriesOf(data)).toEqual({
      "abuse@hoster.example": "BE",
      "abuse@mixed.example": "LU",
      "noc@as.example": "FR",
    });
  });

  it("counts only the ranges kept in a country scope; an aut-num's mailbox has none", () => {
    const { data } = importDump(
      {
        "ripe.db.inetnum":
          inetnum("198.18.0.0 - 198.18.0.255", { abuseC: "AB1-RIPE", country: "NL" }) +
          inetnum("198.18.1.0 - 198.18.1.255", { abuseC: "AB1-RIPE", country: "NL" }) +
          inetnum("198.18.2.0 - 198.18.2.255", { abuseC: "AB1-RIPE", country: "BE" }),
        "ripe.db.aut-num": obj(["aut-num", "AS4200000001"], ["as-name", "X"], ["abuse-c", "AB3-RIPE"]),
        "ripe.db.role": roles,
      },
      { countries: ["BE"] },
    );
    expect(countriesOf(data)).toEqual({ "abuse@hoster.example": "BE" });
  });
});
