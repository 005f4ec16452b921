import { describe, expect, it } from "vitest";
import { readBounce, verdictOutcomes, type BounceVerdict } from "../src/index.ts";
import { bounceFixtures, FIXTURE_TAG_SECRET, fixtureMailbox } from "./bounce-fixtures.ts";

const at = new Date("2026-11-23T10:00:00Z");
const fixture = (name: string) => bounceFixtures.find((f) => f.name === name)!.verdict;

describe("verdictOutcomes", () => {
  it("gives a named recipient its failure, with the report's status and words", () => {
    const verdict = fixture("postfix-dsn");
    expect(verdictOutcomes(verdict, ["abuse@org.example", "dead@org.example"], at)).toEqual({
      outcomes: [
        {
          recipient: "dead@org.example",
          outcome: {
            noticeId: verdict.noticeId,
            at,
            kind: "failed",
            stage: "report",
            status: "5.1.1",
            diagnostic: verdict.recipients[0]!.diagnostic,
          },
        },
      ],
      unattributed: [],
    });
  });

  it("gives a forward's bounce to the address the notice went to", () => {
    // Exim names the alias (generated from abuse@small-org.example): named, even among several recipients.
    const exim = verdictOutcomes(fixture("exim"), ["abuse@small-org.example", "tech@small-org.example"], at);
    expect(exim.outcomes.map((o) => [o.recipient, o.outcome.kind])).toEqual([["abuse@small-org.example", "failed"]]);
    expect(exim.outcomes[0]!.outcome.diagnostic).toMatch(/\(reported for j\.smit@isp\.example\)$/);
    // Gmail names only where it ended: the notice's only recipient, said so in the diagnostic.
    const gmail = verdictOutcomes(fixture("gmail"), ["abuse@gorg.example"], at);
    expect(gmail.outcomes[0]).toMatchObject({
      recipient: "abuse@gorg.example",
      outcome: { kind: "failed", status: "5.1.1" },
    });
    expect(gmail.outcomes[0]!.outcome.diagnostic).toMatch(/\(reported for cert\.contact\.gorg@gmail\.example\)$/);
    // ...and nobody's when the notice had several.
    const several = verdictOutcomes(fixture("gmail"), ["abuse@gorg.example", "tech@gorg.example"], at);
    expect(several).toEqual({ outcomes: [], unattributed: fixture("gmail").recipients });
  });

  it("records a delay as delayed and an auto-reply as arrival, attributed by its sender", () => {
    expect(verdictOutcomes(fixture("delay-dsn"), ["abuse@slow.example"], at).outcomes[0]!.outcome).toMatchObject({
      kind: "delayed",
      status: "4.4.1",
    });
    const ooo = verdictOutcomes(fixture("ooo-en"), ["abuse@enorg.example", "jane.doe@enorg.example"], at);
    expect(ooo.outcomes).toMatchObject([
      { recipient: "jane.doe@enorg.example", outcome: { kind: "auto-reply", status: null } },
    ]);
  });

  it("touches nothing for an unknown message or an untrusted tag", async () => {
    for (const name of ["spam", "truncated", "forged-tag"]) {
      expect(verdictOutcomes(fixture(name), ["abuse@victim-org.example"], at)).toEqual({
        outcomes: [],
        unattributed: [],
      });
    }
    const unsigned: BounceVerdict = { ...fixture("postfix-dsn"), noticeId: null, tag: "none" };
    expect(verdictOutcomes(unsigned, ["dead@org.example"], at).outcomes).toEqual([]);
    // The same report read without knowing the secret is no evidence either.
    const wrongSecret = await readBounce(bounceFixtures.find((f) => f.name === "postfix-dsn")!.raw, {
      mailbox: fixtureMailbox,
      tagSecret: `${FIXTURE_TAG_SECRET}-rotated`,
    });
    expect(verdictOutcomes(wrongSecret, ["dead@org.example"], at).outcomes).toEqual([]);
  });
});
