import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiTokenId, apiTokenMatches, isApiToken, issueApiToken, tokenHash } from "../src/index.ts";

const id = "3f0c5a52-1b2c-4d3e-8f40-5a6b7c8d9e0f";

describe("API tokens", () => {
  it("are baken_<id>_<256-bit secret>, stored only as the token's SHA-256", () => {
    const { token, hash } = issueApiToken(id);
    expect(token).toMatch(/^baken_3f0c5a521b2c4d3e8f405a6b7c8d9e0f_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(39), "base64url")).toHaveLength(32);
    expect(hash).toBe(tokenHash(token));
    expect(hash).not.toContain(token.slice(39));
  });

  it("never issue the same secret twice", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => issueApiToken(randomUUID()).token));
    expect(tokens.size).toBe(100);
    expect(issueApiToken(id).token).not.toBe(issueApiToken(id).token);
  });

  it("give back their row's id, and nothing for a malformed token", () => {
    const { token } = issueApiToken(id.toUpperCase());
    expect(apiTokenId(token)).toBe(id);
    expect(apiTokenId(`${token}x`)).toBeNull();
    expect(apiTokenId(token.replace("baken_", "bakem_"))).toBeNull();
    expect(apiTokenId("eyJhbGciOiJIUzI1NiJ9.e30.sig")).toBeNull();
    expect(() => issueApiToken("42")).toThrow("must be a UUID");
  });

  it("tell a token from a session JWT", () => {
    expect(isApiToken(issueApiToken(id).token)).toBe(true);
    expect(isApiToken("eyJhbGciOiJIUzI1NiJ9.e30.sig")).toBe(false);
  });

  it("match only the stored hash of the very token", () => {
    const { token, hash } = issueApiToken(id);
    expect(apiTokenMatches(token, hash)).toBe(true);
    const other = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(apiTokenMatches(other, hash)).toBe(false);
    expect(apiTokenMatches(token, issueApiToken(id).hash)).toBe(false);
    expect(apiTokenMatches(token, "")).toBe(false);
    expect(apiTokenMatches(token, "not hex")).toBe(false);
  });
});
