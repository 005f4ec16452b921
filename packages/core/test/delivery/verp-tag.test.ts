import { describe, expect, it } from "vitest";
import {
  VERP_TAG_LENGTH,
  bounceMailbox,
  isWellFormedVerpTag,
  noticeIdOfVerpAddress,
  noticeIdOfVerpTag,
  verpReturnPath,
  verpTagOf,
} from "../../src/index.ts";

const secret = "a bounce-tag secret of at least 32 characters";
const noticeId = "3f0c5a52-9d1e-4b7a-8c3f-00000000002a";
const mailbox = bounceMailbox("bounces@cert.example", "CERT Baken <cert@baken.example>");

describe("VERP return paths", () => {
  it("names the notice in a lower-case, signed tag that fits a local part", () => {
    const path = verpReturnPath(mailbox, secret, noticeId);
    expect(path).toMatch(new RegExp(`^bounces\\+[a-z2-7]{${VERP_TAG_LENGTH}}@cert\\.example$`));
    expect(path.slice(0, path.indexOf("@")).length).toBeLessThanOrEqual(64);
    expect(noticeIdOfVerpAddress(mailbox, secret, path)).toBe(noticeId);
  });

  it("reads the notice back from any spelling of the address a mail system may produce", () => {
    const path = verpReturnPath(mailbox, secret, noticeId);
    for (const address of [path.toUpperCase(), `"Bounce handler" <${path}>`, ` <${path}> `]) {
      expect(noticeIdOfVerpAddress(mailbox, secret, address)).toBe(noticeId);
    }
  });

  it("gives each notice its own tag, and the same tag every time", () => {
    const other = "3f0c5a52-9d1e-4b7a-8c3f-00000000002b";
    expect(verpReturnPath(mailbox, secret, noticeId)).toBe(verpReturnPath(mailbox, secret, noticeId.toUpperCase()));
    expect(verpReturnPath(mailbox, secret, other)).not.toBe(verpReturnPath(mailbox, secret, noticeId));
  });

  it("refuses a forged tag: another secret, one character changed, or another notice's id with this MAC", () => {
    const tag = verpTagOf(mailbox, verpReturnPath(mailbox, secret, noticeId))!;
    expect(noticeIdOfVerpTag("another secret, also long enough!!", tag)).toBeNull();
    for (let i = 0; i < tag.length; i++) {
      const changed = tag.slice(0, i) + (tag[i] === "a" ? "b" : "a") + tag.slice(i + 1);
      expect(noticeIdOfVerpTag(secret, changed)).toBeNull();
    }
    const otherTag = verpTagOf(mailbox, verpReturnPath(mailbox, secret, "3f0c5a52-9d1e-4b7a-8c3f-00000000002b"))!;
    expect(noticeIdOfVerpTag(secret, otherTag.slice(0, 26) + tag.slice(26))).toBeNull();
  });

  it("gives null for a missing or malformed tag and for other mailboxes", () => {
    const path = verpReturnPath(mailbox, secret, noticeId);
    const tag = verpTagOf(mailbox, path)!;
    expect(isWellFormedVerpTag(tag)).toBe(true);
    for (const address of [
      "bounces@cert.example",
      "bounces+@cert.example",
      `bounces+${tag.slice(1)}@cert.example`,
      `bounces+${tag}x@cert.example`,
      `bounces+${tag.slice(1)}1@cert.example`,
      path.replace("@cert.example", "@other.example"),
      path.replace("bounces+", "cert+"),
      "not an address",
      "",
    ]) {
      expect(noticeIdOfVerpAddress(mailbox, secret, address)).toBeNull();
    }
    expect(verpTagOf(mailbox, "bounces@cert.example")).toBeNull();
    expect(verpTagOf(mailbox, "bounces+anything@CERT.example")).toBe("anything");
  });

  it("falls back to MAIL_FROM's address, and keeps a local part that already has a +", () => {
    expect(bounceMailbox(undefined, "CERT Baken <cert@baken.example>")).toEqual({
      local: "cert",
      domain: "baken.example",
    });
    const plus = bounceMailbox("cert+bounces@baken.example", "x@y.example");
    const path = verpReturnPath(plus, secret, noticeId);
    expect(path.startsWith("cert+bounces+")).toBe(true);
    expect(noticeIdOfVerpAddress(plus, secret, path)).toBe(noticeId);
  });

  it("refuses a bounce address that leaves no room for the tag, or is no address", () => {
    expect(() => bounceMailbox(`${"b".repeat(25)}@cert.example`, "x@y.example")).toThrow(/at most 24 characters/);
    expect(bounceMailbox(`${"b".repeat(24)}@cert.example`, "x@y.example").local).toHaveLength(24);
    expect(() => bounceMailbox("cert.example", "x@y.example")).toThrow(/not an e-mail address/);
    expect(() => verpReturnPath(mailbox, secret, "42")).toThrow(/UUID/);
  });
});
