import { describe, expect, it } from "vitest";
import { KeySet } from "../src/index.ts";

describe("KeySet", () => {
  it("tells new keys from seen ones across growth", () => {
    const s = new KeySet();
    for (let i = 0; i < 200_000; i++) expect(s.add(`198.18.${i >> 8}.${i & 255}|443|`)).toBe(true);
    expect(s.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(s.add(`198.18.${i >> 8}.${i & 255}|443|`)).toBe(false);
    expect(s.add("198.18.0.0|443|mail.a.example")).toBe(true);
    expect(s.add("198.18.0.0|443|mail.a.example")).toBe(false);
    expect(s.add("")).toBe(true);
    expect(s.add("")).toBe(false);
  });

  it("hashes bytes and digits as the same characters: a row read in place folds with its string twin", () => {
    const s = new KeySet();
    expect(s.addParts("198.18.0.1", "443", "mail.a.example")).toBe(true);
    const line = Buffer.from("x,198.18.0.1,y");
    s.begin();
    s.bytes(line, 2, 12);
    s.digits(443);
    s.text("mail.a.example");
    expect(s.commit()).toBe(false);
    s.begin();
    s.bytes(line, 2, 12);
    s.digits(-1);
    s.text("mail.a.example");
    expect(s.commit()).toBe(true);
    expect(s.addParts("198.18.0.1", "", "mail.a.example")).toBe(false);
    for (const n of [0, 7, 10, 65535]) {
      s.begin();
      s.digits(n);
      s.text("");
      s.text("");
      expect(s.commit(), String(n)).toBe(true);
      expect(s.addParts(String(n), "", ""), String(n)).toBe(false);
    }
  });
});
