import { describe, expect, it } from "vitest";
import { noticeReach, type RecipientOutcome } from "../../src/index.ts";
import { outcome } from "./outcome-builders.ts";

const of = (recipient: string, o: RecipientOutcome["outcome"]): RecipientOutcome => ({ recipient, outcome: o });
const recipients = ["abuse@org.example", "tech@org.example"];

describe("noticeReach", () => {
  it("is bounced when every recipient failed for good", () => {
    const reach = noticeReach(
      recipients,
      [
        of(recipients[0]!, outcome(0, "refused", "5.1.1")),
        of(recipients[1]!, outcome(0, "accepted", "2.0.0")),
        of(recipients[1]!, outcome(2, "failed", "5.2.1")),
      ],
      { attemptsOver: false },
    );
    expect(reach.state).toBe("bounced");
    expect([...reach.recipients.values()]).toEqual(["failed", "failed"]);
  });

  it("is reached when one recipient was accepted and nothing contradicted it", () => {
    const reach = noticeReach(
      recipients,
      [of(recipients[0]!, outcome(0, "refused", "5.1.1")), of(recipients[1]!, outcome(0, "accepted", "2.0.0"))],
      { attemptsOver: false },
    );
    expect(reach.state).toBe("reached");
    expect(reach.recipients.get(recipients[1]!)).toBe("reached");
  });

  it("stays pending while a recipient can still be reached: retries left, or a delay reported", () => {
    const refused = [
      of(recipients[0]!, outcome(0, "refused", "5.1.1")),
      of(recipients[1]!, outcome(0, "refused", "4.2.2")),
    ];
    expect(noticeReach(recipients, refused, { attemptsOver: false }).state).toBe("pending");
    // The job's last attempt is over: the 4xx recipient will not be tried again for this notice.
    expect(noticeReach(recipients, refused, { attemptsOver: true }).state).toBe("bounced");
    const delayed = [
      refused[0]!,
      of(recipients[1]!, outcome(0, "accepted", "2.0.0")),
      of(recipients[1]!, outcome(4, "delayed", "4.4.1")),
    ];
    expect(noticeReach(recipients, delayed, { attemptsOver: true }).state).toBe("pending");
    expect(noticeReach(recipients, [], { attemptsOver: false }).state).toBe("pending");
  });

  it("counts an arrival over a failure (an alias that bounced for one mailbox and delivered to another)", () => {
    const reach = noticeReach(
      [recipients[0]!],
      [of(recipients[0]!, outcome(1, "failed", "5.1.1")), of(recipients[0]!, outcome(2, "auto-reply"))],
      { attemptsOver: true },
    );
    expect(reach.state).toBe("reached");
  });
});
