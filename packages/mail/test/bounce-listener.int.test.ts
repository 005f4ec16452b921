import { smtpSendOutcomes } from "@baken/core";
import { waitFor } from "@baken/testing";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  readBounce,
  startBounceListener,
  type BounceListener,
  type BounceVerdict,
  type InboundMessage,
} from "../src/index.ts";
import { bounceFixtures, FIXTURE_TAG_SECRET, fixtureMailbox } from "./bounce-fixtures.ts";

const MAX_BYTES = 256 * 1024;

describe("the bounce listener, fed by a real SMTP client", () => {
  let listener: BounceListener;
  const stored: { message: InboundMessage; verdict: BounceVerdict }[] = [];
  /** What onMessage does before storing: a test makes it fail or wait. */
  let before: () => Promise<void> = async () => {};

  beforeAll(async () => {
    listener = await startBounceListener({
      port: 0,
      host: "127.0.0.1",
      maxBytes: MAX_BYTES,
      mailbox: fixtureMailbox,
      closeTimeoutMs: 10_000,
      onMessage: async (message) => {
        await before();
        const verdict = await readBounce(message.raw, {
          mailbox: fixtureMailbox,
          tagSecret: FIXTURE_TAG_SECRET,
          envelopeRecipients: message.envelope.rcptTo,
        });
        stored.push({ message, verdict });
      },
    });
  });
  afterAll(() => listener.close());
  beforeEach(() => {
    stored.length = 0;
    before = async () => {};
  });

  // One connection per send (no pool): each test sees its own SMTP transaction.
  const client = () =>
    nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });

  it("accepts every fixture for its tag and hands over the bytes and envelope that give the expected verdict", async () => {
    const transport = client();
    for (const fixture of bounceFixtures) {
      const info = await transport.sendMail({ envelope: fixture.envelope, raw: fixture.raw });
      expect(info.response, fixture.name).toBe("250 2.0.0 Stored");
    }
    transport.close();
    expect(stored.map((s) => s.message.envelope)).toEqual(
      bounceFixtures.map((f) => ({ mailFrom: f.envelope.from, rcptTo: f.envelope.to })),
    );
    for (const [i, fixture] of bounceFixtures.entries()) {
      // On the wire every line ends in CRLF (the client ends a cut-off last line); otherwise the fixture's bytes.
      const sent = fixture.raw
        .toString("latin1")
        .replace(/\r?\n/g, "\r\n")
        .replace(/(?<!\r\n)$/, "\r\n");
      expect(stored[i]!.message.raw.toString("latin1")).toBe(sent);
      expect(stored[i]!.verdict, fixture.name).toEqual(fixture.verdict);
    }
  });

  it("refuses at RCPT with 550 every address but a tag of the bounce mailbox", async () => {
    const transport = client();
    const raw = bounceFixtures.find((f) => f.name === "postfix-dsn")!.raw;
    for (const to of [
      "bounces@cert.example",
      "bounces+short@cert.example",
      "postmaster@cert.example",
      "cert+x@other.example",
    ]) {
      const sent = transport.sendMail({ envelope: { from: "", to: [to] }, raw });
      await expect(sent, to).rejects.toMatchObject({ responseCode: 550, command: "RCPT TO" });
    }
    expect(stored).toEqual([]);

    // Some refused, some taken: nodemailer sends to the rest and reports each refusal; smtpSendOutcomes
    // reads that back per recipient.
    const tagged = bounceFixtures.find((f) => f.name === "postfix-dsn")!.envelope.to[0]!;
    const recipients = [tagged, "nobody@cert.example"];
    const info = await transport.sendMail({ envelope: { from: "", to: recipients }, raw });
    transport.close();
    expect(info.accepted).toEqual([tagged]);
    const outcomes = smtpSendOutcomes({ noticeId: "n1", recipients, at: new Date(), info });
    expect(outcomes.outcomes.map((o) => [o.recipient, o.outcome.kind, o.outcome.stage, o.outcome.status])).toEqual([
      [tagged, "accepted", "data", "2.0.0"],
      ["nobody@cert.example", "refused", "rcpt", "5.1.1"],
    ]);
    expect(stored.map((s) => s.message.envelope.rcptTo)).toEqual([[tagged]]);
  });

  it("answers 451 when the message could not be stored, so the sender keeps it and tries again", async () => {
    const fixture = bounceFixtures.find((f) => f.name === "exim")!;
    before = async () => {
      throw new Error("database down");
    };
    const transport = client();
    const error = await transport.sendMail({ envelope: fixture.envelope, raw: fixture.raw }).catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 451, command: "DATA" });
    expect(
      smtpSendOutcomes({ noticeId: "n1", recipients: fixture.envelope.to, at: new Date(), error }).outcomes,
    ).toMatchObject([{ outcome: { kind: "refused", stage: "data", status: "4.3.0" } }]);
    expect(stored).toEqual([]);

    before = async () => {};
    await transport.sendMail({ envelope: fixture.envelope, raw: fixture.raw });
    transport.close();
    expect(stored.map((s) => s.verdict)).toEqual([fixture.verdict]);
  });

  it("refuses a message over the size limit with 552 and stores nothing of it", async () => {
    const fixture = bounceFixtures.find((f) => f.name === "postfix-dsn")!;
    const big = Buffer.concat([
      fixture.raw,
      Buffer.from(`${"x".repeat(76)}\r\n`.repeat(Math.ceil(MAX_BYTES / 78) + 1)),
    ]);
    const transport = client();
    await expect(transport.sendMail({ envelope: fixture.envelope, raw: big })).rejects.toMatchObject({
      responseCode: 552,
    });
    transport.close();
    expect(stored).toEqual([]);
  });

  it("closes gracefully: a transaction in progress finishes, new connections are refused", async () => {
    const fixture = bounceFixtures.find((f) => f.name === "qmail")!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    before = async () => {
      entered = true;
      await held;
    };
    // A listener of its own, so closing it leaves the others' alone.
    const own = await startBounceListener({
      port: 0,
      host: "127.0.0.1",
      maxBytes: MAX_BYTES,
      mailbox: fixtureMailbox,
      onMessage: async (message) => {
        await before();
        stored.push({
          message,
          verdict: await readBounce(message.raw, { mailbox: fixtureMailbox, tagSecret: FIXTURE_TAG_SECRET }),
        });
      },
    });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: own.port, secure: false, ignoreTLS: true });
    const order: string[] = [];
    const sending = transport
      .sendMail({ envelope: fixture.envelope, raw: fixture.raw })
      .finally(() => order.push("answered"));
    await waitFor(() => entered, { what: "the message to reach onMessage" });
    const closed = own.close();
    // onMessage holds the message: the client must not have its 250 before it is stored.
    order.push("stored");
    release();
    await expect(sending).resolves.toMatchObject({ response: "250 2.0.0 Stored" });
    await closed;
    transport.close();
    expect(order).toEqual(["stored", "answered"]);
    expect(stored.map((s) => s.verdict)).toEqual([fixture.verdict]);
    const late = nodemailer.createTransport({ host: "127.0.0.1", port: own.port, secure: false, ignoreTLS: true });
    await expect(late.sendMail({ envelope: fixture.envelope, raw: fixture.raw })).rejects.toMatchObject({
      code: "ESOCKET",
    });
    late.close();
  });
});
