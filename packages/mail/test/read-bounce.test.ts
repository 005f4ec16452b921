import { verpReturnPath } from "@baken/core";
import { describe, expect, it } from "vitest";
import { readBounce, type BounceVerdict } from "../src/index.ts";
import { FIXTURE_TAG_SECRET, fixtureMailbox } from "./bounce-fixtures.ts";

const noticeId = "7d3e1c9a-5b2f-4c61-9a0e-0000000000aa";
const tagged = verpReturnPath(fixtureMailbox, FIXTURE_TAG_SECRET, noticeId);

/** A message to the notice's return path: header lines, a blank line, the body. */
const message = (headers: string[], body: string) =>
  [`To: ${tagged}`, "Date: Mon, 23 Nov 2026 10:00:00 +0000", ...headers, "", body].join("\r\n");
const read = (raw: string | Uint8Array): Promise<BounceVerdict> =>
  readBounce(raw, { mailbox: fixtureMailbox, tagSecret: FIXTURE_TAG_SECRET });

const report = (status: string) =>
  message(
    [
      "From: MAILER-DAEMON@mx.example",
      "Subject: Delivery Status Notification",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    ],
    ["--b", "Content-Type: text/plain", "", "Report.", "--b", status, "--b--", ""].join("\r\n"),
  );

describe("readBounce: delivery status notifications", () => {
  it("reads every recipient, its status from Status, else from Diagnostic-Code", async () => {
    const verdict = await read(
      report(
        [
          "Content-Type: message/delivery-status",
          "",
          "Reporting-MTA: dns; mx.example",
          "",
          "Final-Recipient: rfc822; full@org.example",
          "Action: failed",
          "Status: 5.2.2 (mailbox full)",
          "",
          "Final-Recipient: RFC822; <Other@Org.example>",
          "Action: failed",
          "Diagnostic-Code: smtp; 554 5.7.1 Rejected by policy",
          "",
          "Final-Recipient: rfc822; ok@org.example",
          "Action: relayed (to a non-DSN-aware mail system)",
          "Status: 2.0.0",
          "",
        ].join("\r\n"),
      ),
    );
    expect(verdict.kind).toBe("bounce");
    expect(verdict.noticeId).toBe(noticeId);
    expect(verdict.recipients.map((r) => [r.address, r.action, r.status, r.permanent])).toEqual([
      ["full@org.example", "failed", "5.2.2", true],
      ["other@org.example", "failed", "5.7.1", true],
      ["ok@org.example", "relayed", "2.0.0", false],
    ]);
  });

  it("reads RFC 6533's message/global-delivery-status too", async () => {
    const verdict = await read(
      report(
        [
          "Content-Type: message/global-delivery-status",
          "",
          "Reporting-MTA: dns; mx.example",
          "",
          "Final-Recipient: utf-8; müller@org.example",
          "Action: failed",
          "Status: 5.1.1",
          "",
        ].join("\r\n"),
      ),
    );
    expect(verdict.recipients).toMatchObject([{ address: "müller@org.example", status: "5.1.1" }]);
  });

  it("is unknown when the report states no failure or delay, or names no recipient", async () => {
    const success = await read(
      report(
        [
          "Content-Type: message/delivery-status",
          "",
          "Final-Recipient: rfc822; a@org.example",
          "Action: delivered",
          "Status: 2.0.0",
          "",
        ].join("\r\n"),
      ),
    );
    expect(success).toMatchObject({ kind: "unknown", recipients: [{ action: "delivered" }] });
    expect(success.reason).toMatch(/no failure or delay/);
    const empty = await read(
      report(["Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example", ""].join("\r\n")),
    );
    expect(empty).toMatchObject({ kind: "unknown", recipients: [] });
    expect(empty.reason).toMatch(/names no recipient/);
  });
});

describe("readBounce: bounces in other layouts", () => {
  it("reads Gmail's older wording, failure and delay", async () => {
    const failed = await read(
      message(
        [
          "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
          "Subject: Delivery Status Notification (Failure)",
        ],
        [
          "Delivery to the following recipient failed permanently:",
          "",
          "     gone@org.example",
          "",
          "Technical details of permanent failure:",
          "Google tried to deliver your message, but it was rejected by the server for the recipient domain org.example by mx.org.example. [192.0.2.25].",
          "",
          "The error that the other server returned was:",
          "550 5.1.1 <gone@org.example>: Recipient address rejected: User unknown",
          "",
        ].join("\r\n"),
      ),
    );
    expect(failed).toMatchObject({
      kind: "bounce",
      layout: "gmail",
      recipients: [{ address: "gone@org.example", status: "5.1.1", permanent: true }],
    });
    const delayed = await read(
      message(
        [
          "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
          "Subject: Delivery Status Notification (Delay)",
        ],
        [
          "** Delivery incomplete **",
          "",
          "There was a temporary problem delivering your message to slow@org.example. Gmail will retry for 47 more hours. You'll be notified if the delivery fails permanently.",
          "",
          "The response from the remote server was:",
          "451 4.3.0 Mail server temporarily rejected message.",
          "",
        ].join("\r\n"),
      ),
    );
    expect(delayed).toMatchObject({
      kind: "delay",
      layout: "gmail",
      recipients: [{ address: "slow@org.example", action: "delayed", status: "4.3.0", permanent: false }],
    });
  });

  it("reads Exchange 2003's and Office 365's wording", async () => {
    const old = await read(
      message(
        ["From: System Administrator <postmaster@org.example>", "Subject: Undeliverable: notice"],
        [
          "Your message did not reach some or all of the intended recipients.",
          "",
          "The following recipient(s) could not be reached:",
          "",
          "      old@org.example on 23/11/2026 10:00",
          "            The e-mail account does not exist at the organization this message was sent to.",
          "            <mx.org.example #5.1.1 smtp;550 5.1.1 User unknown>",
          "",
        ].join("\r\n"),
      ),
    );
    expect(old).toMatchObject({
      kind: "bounce",
      layout: "exchange",
      recipients: [{ address: "old@org.example", status: "5.1.1" }],
    });
    const o365 = await read(
      message(
        [
          "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@o365.example>",
          "Subject: Undeliverable: notice",
        ],
        [
          "Your message to nobody@o365.example couldn't be delivered.",
          "nobody wasn't found at o365.example.",
          "",
          "Diagnostic information for administrators:",
          "",
          "Generating server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com",
          "",
          "nobody@o365.example",
          "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
          "",
          "Original message headers:",
          "",
          "To: nobody@o365.example",
        ].join("\r\n"),
      ),
    );
    expect(o365).toMatchObject({
      kind: "bounce",
      layout: "exchange",
      recipients: [{ address: "nobody@o365.example", status: "5.1.10" }],
    });
  });

  it("reads Exim's delay warning, and its X-Failed-Recipients when the text names no address", async () => {
    const delayed = await read(
      message(
        [
          "From: Mail Delivery System <Mailer-Daemon@mx.isp.example>",
          "Subject: Warning: message 1tEx1l-000Abb-1P delayed 24 hours",
        ],
        [
          "This message was created automatically by mail delivery software.",
          "A message that you sent has not yet been delivered to one or more of its",
          "recipients after more than 24 hours on the queue on mx.isp.example.",
          "",
          "The address to which the message has not yet been delivered is:",
          "",
          "  busy@isp.example",
          "    host mailbox.isp.example [198.51.100.20]",
          "    Delay reason: SMTP error from remote mail server after RCPT TO:<busy@isp.example>:",
          "    452 4.2.2 <busy@isp.example>: mailbox full",
          "",
          "No action is required on your part.",
        ].join("\r\n"),
      ),
    );
    expect(delayed).toMatchObject({
      kind: "delay",
      layout: "exim",
      recipients: [{ address: "busy@isp.example", status: "4.2.2", permanent: false }],
    });
    const headerOnly = await read(
      message(
        [
          "From: Mail Delivery System <Mailer-Daemon@mx.isp.example>",
          "X-Failed-Recipients: a@isp.example, B@isp.example",
          "Subject: Mail delivery failed",
        ],
        "This message was created automatically by mail delivery software.\r\n\r\nDelivery failed.\r\n",
      ),
    );
    expect(headerOnly.recipients.map((r) => [r.address, r.status])).toEqual([
      ["a@isp.example", "5.0.0"],
      ["b@isp.example", "5.0.0"],
    ]);
  });

  it("reads Postfix's delay warning, and never a recipient from the returned message", async () => {
    const verdict = await read(
      message(
        ["From: MAILER-DAEMON@relay.example (Mail Delivery System)", "Subject: Delayed Mail (still being retried)"],
        [
          "This is the mail system at host relay.example.",
          "",
          "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #",
          "",
          "<slow@org.example>: host mx.org.example[192.0.2.25] said: 421 4.7.0 Try again",
          "    later (in reply to end of DATA command)",
          "",
          "------ Original message ------",
          "",
          "<quoted@org.example>: not a recipient of this report",
        ].join("\r\n"),
      ),
    );
    expect(verdict).toMatchObject({ kind: "delay", layout: "postfix" });
    expect(verdict.recipients.map((r) => [r.address, r.status])).toEqual([["slow@org.example", "4.7.0"]]);
  });
});

describe("readBounce: auto-replies", () => {
  const auto = async (headers: string[], subject = "Re: [BAKEN#20261123-00000001] notice") =>
    (await read(message(["From: Someone <someone@org.example>", `Subject: ${subject}`, ...headers], "Thank you.\r\n")))
      .reason;

  it("recognises ticket systems by their headers", async () => {
    expect(await auto(["X-Zendesk-From-Account-Id: 1a2b3c"])).toBe("ticket system acknowledgement (Zendesk)");
    expect(await auto(["X-JIRA-FingerPrint: 0123abcd", "Auto-Submitted: auto-generated"])).toBe(
      "ticket system acknowledgement (Jira Service Management)",
    );
    expect(await auto(["X-OTRS-Loop: yes"])).toBe("ticket system acknowledgement (OTRS/Znuny)");
    expect(await auto(["RT-Ticket: org.example #12"])).toBe("ticket system acknowledgement (RT)");
  });

  it("recognises RFC 3834 and the common auto-responder headers", async () => {
    expect(await auto(["Auto-Submitted: auto-generated"])).toBe("Auto-Submitted: auto-generated");
    expect(await auto(["X-Autorespond: vacation"])).toBe("x-autorespond header");
    expect(await auto(["Precedence: auto_reply"])).toBe("Precedence: auto_reply");
    // "no" is the RFC's way of saying a person sent it.
    expect(await auto(["Auto-Submitted: no"])).toMatch(/^not a delivery report/);
  });

  it("recognises out-of-office subjects in the four languages, and no more", async () => {
    for (const [subject, language] of [
      ["Out of Office: notice", "en"],
      ["[EXTERNAL] Automatic reply: notice", "en"],
      ["Automatisch antwoord: notice", "nl"],
      ["Niet aanwezig tot 1 december", "nl"],
      ["Absent du bureau : notice", "fr"],
      ["Absente jusqu'au 2 décembre", "fr"],
      ["Automatische Antwort: notice", "de"],
      ["Außer Haus bis 3.12.", "de"],
    ]) {
      expect(await auto([], subject), subject).toBe(`out-of-office subject (${language})`);
    }
    for (const subject of ["Re: Absence of a patch", "Absenteeism report", "Urlaubsantrag", "Outofoffice"]) {
      expect(await auto([], subject), subject).toMatch(/^not a delivery report/);
    }
  });
});

describe("readBounce: tags and bad input", () => {
  it("takes the first well-signed tag among the recipients, and says when a tag was forged", async () => {
    // One character of the tag changed: well-formed, but its MAC no longer matches.
    const forged = tagged.replace(/\+(.)/, (_, c: string) => `+${c === "a" ? "b" : "a"}`);
    const base = ["From: Jane <jane@org.example>", "Subject: Out of Office"];
    const raw = (to: string[]) => ["Date: Mon, 23 Nov 2026 10:00:00 +0000", ...to, ...base, "", "Away."].join("\r\n");
    expect(
      await read(raw([`Delivered-To: ${forged}`, `X-Original-To: ${tagged}`, "To: cert@cert.example"])),
    ).toMatchObject({
      tag: "valid",
      noticeId,
    });
    expect(await read(raw([`To: ${forged}`]))).toMatchObject({ tag: "invalid", noticeId: null, kind: "auto-reply" });
    expect(await read(raw(["To: bounces+short@cert.example"]))).toMatchObject({ tag: "invalid", noticeId: null });
    expect(await read(raw(["To: cert@cert.example"]))).toMatchObject({ tag: "none", noticeId: null });
  });

  it("never throws: empty, binary, endlessly nested or headerless input is unknown", async () => {
    const nested =
      Array.from({ length: 60 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join(
        "",
      ) + "x\r\n";
    for (const raw of [
      "",
      "\u0000\u0001\u0002garbage\u00ff",
      Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]),
      nested,
      "no headers at all",
    ]) {
      const verdict = await read(raw);
      expect(verdict.kind).toBe("unknown");
      expect(verdict.reason).toBeTruthy();
    }
    expect((await read(nested)).reason).toMatch(/^unreadable MIME/);
  });
});

describe("readBounce on hostile input", () => {
  it("reads long lines made to make patterns backtrack without stalling", async () => {
    const n = 200_000;
    const verdict = await read(
      message(
        [`Cc: ${"a".repeat(n)}`, "From: MAILER-DAEMON@mx.example", "Subject: Mail delivery failed"],
        [
          "This message was created automatically by mail delivery software.",
          "",
          `  a@b.example${" ".repeat(n)}x`,
          `  ${"a@".repeat(n)}`,
          `Your message to ${"a@".repeat(n)} couldn't be delivered`,
          `<${"a.".repeat(n)}>`,
        ].join("\r\n"),
      ),
    );
    expect(verdict).toMatchObject({ kind: "unknown", tag: "valid" });
  });
});
