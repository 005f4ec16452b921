import { describe, expect, it } from "vitest";
import { enhancedStatusIn, statusOfReply } from "../../src/index.ts";

describe("SMTP status codes", () => {
  it("takes the enhanced code of a reply, or the reply code's class", () => {
    expect(statusOfReply("550 5.1.1 <a@b.example>: Recipient address rejected")).toBe("5.1.1");
    expect(statusOfReply("550-5.7.1 [192.0.2.1] blocked")).toBe("5.7.1");
    expect(statusOfReply("452 4.2.2 Mailbox full")).toBe("4.2.2");
    expect(statusOfReply("550 User unknown")).toBe("5.0.0");
    expect(statusOfReply("250 2.0.0 Ok: queued as 4F2")).toBe("2.0.0");
    // A class that contradicts the reply code is the server's mistake: the reply code decides.
    expect(statusOfReply("550 4.2.2 Mailbox full")).toBe("5.0.0");
    expect(statusOfReply("Recipient command failed", 451)).toBe("4.0.0");
    expect(statusOfReply(undefined, 554)).toBe("5.0.0");
    expect(statusOfReply("connection reset")).toBeNull();
  });

  it("does not read an address or a version number as a status", () => {
    expect(enhancedStatusIn("host 192.0.2.1 said no")).toBeNull();
    expect(enhancedStatusIn("relay 10.5.1.1 refused")).toBeNull();
    expect(enhancedStatusIn("Exim 4.96.2")).toBeNull();
    expect(enhancedStatusIn("no mailbox here by that name. (#5.1.1)")).toBe("5.1.1");
    expect(enhancedStatusIn("550 5.1.10 RESOLVER.ADR.RecipientNotFound")).toBe("5.1.10");
  });
});
