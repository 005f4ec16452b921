import { describe, expect, it } from "vitest";
import { readBounce } from "../src/index.ts";
import { bounceFixtures, FIXTURE_TAG_SECRET, fixtureMailbox } from "./bounce-fixtures.ts";

describe("readBounce on one message per layout", () => {
  it("has the layouts the issue names", () => {
    expect(bounceFixtures.map((f) => f.name)).toEqual([
      "delay-dsn",
      "exchange-ndr",
      "exim",
      "forged-tag",
      "gmail",
      "ooo-de",
      "ooo-en",
      "ooo-fr",
      "ooo-nl",
      "postfix-dsn",
      "postfix-text",
      "qmail",
      "spam",
      "ticket-rt",
      "truncated",
    ]);
  });

  it.each(bounceFixtures)("$name", async (fixture) => {
    // From the headers alone (as from a mailbox), then with the SMTP envelope (as the listener has it).
    expect(await readBounce(fixture.raw, { mailbox: fixtureMailbox, tagSecret: FIXTURE_TAG_SECRET })).toEqual(
      fixture.verdict,
    );
    expect(
      await readBounce(fixture.raw, {
        mailbox: fixtureMailbox,
        tagSecret: FIXTURE_TAG_SECRET,
        envelopeRecipients: fixture.envelope.to,
      }),
    ).toEqual(fixture.verdict);
  });

  it("with CRLF line ends, as they come over SMTP", async () => {
    for (const fixture of bounceFixtures) {
      const crlf = Buffer.from(fixture.raw.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
      const verdict = await readBounce(crlf, { mailbox: fixtureMailbox, tagSecret: FIXTURE_TAG_SECRET });
      expect(verdict, fixture.name).toEqual(fixture.verdict);
    }
  });
});
