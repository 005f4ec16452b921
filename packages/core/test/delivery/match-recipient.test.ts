import { describe, expect, it } from "vitest";
import { matchRecipient } from "../../src/index.ts";

describe("matchRecipient", () => {
  const two = ["abuse@org.example", "tech@org.example"];

  it("takes the address a report names, the original recipient first, without case", () => {
    expect(matchRecipient(two, { address: "TECH@org.example" })).toEqual({
      recipient: "tech@org.example",
      how: "named",
    });
    expect(matchRecipient(two, { address: "john@isp.example", originalAddress: "abuse@org.example" })).toEqual({
      recipient: "abuse@org.example",
      how: "named",
    });
  });

  it("gives an unknown address to the only recipient, and to nobody when there were several", () => {
    expect(matchRecipient(["abuse@org.example"], { address: "john@isp.example" })).toEqual({
      recipient: "abuse@org.example",
      how: "only-recipient",
    });
    expect(matchRecipient(["abuse@org.example"], { address: null })).toMatchObject({ how: "only-recipient" });
    expect(matchRecipient(two, { address: "john@isp.example" })).toBeNull();
  });
});
