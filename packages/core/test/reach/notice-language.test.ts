import { describe, expect, it } from "vitest";
import { domainCountry, fallbackLanguage, type Language } from "../../src/index.ts";

const byCountry = new Map<string, Language>([
  ["BE", "nl"],
  ["LU", "fr"],
  ["DE", "de"],
]);

describe("fallbackLanguage", () => {
  it("takes the first Preferred-Languages tag Baken writes in, by its primary subtag", () => {
    expect(fallbackLanguage(["fr-be", "nl"], "BE", byCountry)).toBe("fr");
    expect(fallbackLanguage(["it", "es", "DE-AT"], null, byCountry)).toBe("de");
  });

  it("else the country's default, else English", () => {
    expect(fallbackLanguage(["it"], "be", byCountry)).toBe("nl");
    expect(fallbackLanguage([], "LU", byCountry)).toBe("fr");
    expect(fallbackLanguage([], "IT", byCountry)).toBe("en");
    expect(fallbackLanguage([], null, byCountry)).toBe("en");
  });
});

describe("domainCountry", () => {
  it("reads a country-code top-level domain, not a generic one", () => {
    expect(domainCountry("example.be")).toBe("BE");
    expect(domainCountry("shop.example.co.uk")).toBe("GB");
    expect(domainCountry("example.com")).toBeNull();
    expect(domainCountry("example.eu")).toBeNull();
  });
});
