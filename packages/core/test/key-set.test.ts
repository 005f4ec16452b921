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
});
