import { describe, expect, it } from "vitest";
import { smtpSendOutcomes } from "../../src/index.ts";

const at = new Date("2026-11-01T08:00:00Z");
const base = { noticeId: "n1", recipients: ["abuse@org.example", "dead@org.example"], at };
const rcptError = (recipient: string, response: string) => ({
  recipient,
  response,
  responseCode: Number(response.slice(0, 3)),
  command: "RCPT TO",
  message: `Recipient command failed: ${response}`,
});

describe("smtpSendOutcomes", () => {
  it("splits a send into accepted and refused-at-RCPT recipients", () => {
    const result = smtpSendOutcomes({
      ...base,
      info: {
        accepted: ["Abuse@org.example"],
        rejected: ["dead@org.example"],
        rejectedErrors: [rcptError("dead@org.example", "550 5.1.1 <dead@org.example>: User unknown")],
        response: "250 2.0.0 Ok: queued as 4F2",
      },
    });
    expect(result).toEqual({
      unattributed: null,
      outcomes: [
        {
          recipient: "abuse@org.example",
          outcome: {
            noticeId: "n1",
            at,
            kind: "accepted",
            stage: "data",
            status: "2.0.0",
            diagnostic: "250 2.0.0 Ok: queued as 4F2",
          },
        },
        {
          recipient: "dead@org.example",
          outcome: {
            noticeId: "n1",
            at,
            kind: "refused",
            stage: "rcpt",
            status: "5.1.1",
            diagnostic: "550 5.1.1 <dead@org.example>: User unknown",
          },
        },
      ],
    });
  });

  it("reads every recipient's refusal from the error when all were refused", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: "EENVELOPE",
      command: "RCPT TO",
      response: "450 4.2.0 <dead@org.example>: try later",
      responseCode: 450,
      rejected: ["abuse@org.example", "dead@org.example"],
      rejectedErrors: [
        rcptError("abuse@org.example", "550 5.7.1 <abuse@org.example>: relay denied"),
        rcptError("dead@org.example", "450 4.2.0 <dead@org.example>: try later"),
      ],
    });
    const result = smtpSendOutcomes({ ...base, error });
    expect(result.outcomes.map((o) => [o.recipient, o.outcome.kind, o.outcome.stage, o.outcome.status])).toEqual([
      ["abuse@org.example", "refused", "rcpt", "5.7.1"],
      ["dead@org.example", "refused", "rcpt", "4.2.0"],
    ]);
  });

  it("gives a refusal at DATA to every recipient", () => {
    const error = Object.assign(new Error("Message failed: 554 5.7.1 rejected as spam"), {
      code: "EMESSAGE",
      command: "DATA",
      response: "554 5.7.1 rejected as spam",
      responseCode: 554,
    });
    const result = smtpSendOutcomes({ ...base, error });
    expect(result.outcomes.map((o) => [o.recipient, o.outcome.stage, o.outcome.status])).toEqual([
      ["abuse@org.example", "data", "5.7.1"],
      ["dead@org.example", "data", "5.7.1"],
    ]);
  });

  it("says nothing about recipients when the failure is not theirs", () => {
    const cases = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET", command: "CONN" }),
      Object.assign(new Error("Mail command failed: 553 5.7.1 sender rejected"), {
        code: "EENVELOPE",
        command: "MAIL FROM",
        response: "553 5.7.1 sender rejected",
        responseCode: 553,
      }),
      "a string thrown",
    ];
    for (const error of cases) {
      const result = smtpSendOutcomes({ ...base, error });
      expect(result.outcomes).toEqual([]);
      expect(result.unattributed).toBeTruthy();
    }
  });
});
