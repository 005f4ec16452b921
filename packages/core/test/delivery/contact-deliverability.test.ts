import { describe, expect, it } from "vitest";
import { contactDeliverability } from "../../src/index.ts";
import { outcome } from "./outcome-builders.ts";

describe("contactDeliverability", () => {
  it("marks a contact undeliverable at once on a 5.x.x at RCPT or DATA, or on a DSN's failed", () => {
    for (const failure of [
      outcome(1, "refused", "5.1.1", 1, "rcpt"),
      outcome(1, "refused", "5.7.1", 1, "data"),
      outcome(1, "failed", "5.1.1"),
      // A DSN that gave up after retrying says failed with a 4.x.x status: it is final all the same.
      outcome(1, "failed", "4.4.7"),
    ]) {
      const result = contactDeliverability([outcome(0, "accepted", "2.0.0", 0), failure]);
      expect(result).toMatchObject({ deliverable: false, reason: "permanent failure", decidedBy: failure });
      expect(result.deliverable === false && result.since).toEqual(failure.at);
    }
  });

  it("counts temporary failures: three in a row spanning 24 hours count as permanent", () => {
    const three = [
      outcome(0, "refused", "4.2.2", 1),
      outcome(10, "delayed", "4.4.1", 2),
      outcome(24, "refused", "4.0.0", 3),
    ];
    expect(contactDeliverability(three)).toMatchObject({
      deliverable: false,
      reason: "repeated temporary failures",
      decidedBy: three[2],
      temporaryFailures: 3,
    });
  });

  it("needs both: three within less than 24 hours, or two over days, are not enough", () => {
    const quick = [outcome(0, "refused", "4.2.2"), outcome(1, "refused", "4.2.2"), outcome(23.9, "refused", "4.2.2")];
    expect(contactDeliverability(quick)).toEqual({ deliverable: true, temporaryFailures: 3 });
    // ...until a fourth comes 24 hours after the first.
    expect(contactDeliverability([...quick, outcome(24, "delayed", "4.4.1", 2)])).toMatchObject({ deliverable: false });
    expect(contactDeliverability([outcome(0, "refused", "4.2.2"), outcome(72, "refused", "4.2.2", 2)])).toEqual({
      deliverable: true,
      temporaryFailures: 2,
    });
  });

  it("a success resets the count: an arrival, or an acceptance no failure contradicts", () => {
    const tempFail = (h: number, n: number) => outcome(h, "refused", "4.2.2", n);
    for (const success of [
      outcome(20, "accepted", "2.0.0", 3),
      outcome(20, "auto-reply", null, 2),
      outcome(20, "delivered", "2.0.0", 2),
    ]) {
      const history = [tempFail(0, 1), tempFail(10, 2), success, tempFail(30, 4), tempFail(40, 5)];
      expect(contactDeliverability(history)).toEqual({ deliverable: true, temporaryFailures: 2 });
    }
  });

  it("an acceptance that a later bounce or delay of the same notice contradicts is no success", () => {
    // Each notice is accepted by the relay, then delayed downstream: three delays over two days.
    const history = [0, 24, 48].flatMap((h, i) => [
      outcome(h, "accepted", "2.0.0", i),
      outcome(h + 4, "delayed", "4.4.1", i),
    ]);
    expect(contactDeliverability(history)).toMatchObject({ deliverable: false, reason: "repeated temporary failures" });
    // A retry accepted after a temporary refusal of the same notice is a success.
    const retried = [outcome(0, "refused", "4.2.2", 1), outcome(1, "accepted", "2.0.0", 1)];
    expect(contactDeliverability(retried)).toEqual({ deliverable: true, temporaryFailures: 0 });
  });

  it("reads the history in time order, and ignores what came before staff marked the contact fixed", () => {
    const failure = outcome(5, "failed", "5.1.1");
    const history = [outcome(50, "accepted", "2.0.0", 2), failure, outcome(0, "accepted", "2.0.0", 0)];
    expect(contactDeliverability(history)).toMatchObject({ deliverable: false, decidedBy: failure });
    expect(contactDeliverability(history, { since: outcome(6, "accepted").at })).toEqual({
      deliverable: true,
      temporaryFailures: 0,
    });
    expect(contactDeliverability([])).toEqual({ deliverable: true, temporaryFailures: 0 });
  });
});
