import { describe, expect, it } from "vitest";
import { adviceIn, hostLabel, serviceLabel } from "../src/routes/public/owner/format.ts";

describe("adviceIn (campaign advice read defensively)", () => {
  const advice = {
    en: {
      summary: "English summary.",
      actions: ["Patch."],
      links: [{ label: "Vendor", url: "https://vendor.example/a" }],
    },
    fr: {
      summary: "Premier paragraphe.\n\nSecond paragraphe.",
      actions: "Une seule action, en texte.",
      compromiseCheck: "Cherchez depuis le {since}.",
      links: [
        "https://exemple.test/avis",
        { title: "Titre", url: "https://exemple.test/t" },
        { label: "x", url: "javascript:alert(1)" },
        42,
      ],
    },
  };

  it("takes the asked language, splitting paragraphs and accepting a single action or bare link", () => {
    expect(adviceIn(advice, "fr", "1 mars 2021")).toEqual({
      summary: ["Premier paragraphe.", "Second paragraphe."],
      actions: ["Une seule action, en texte."],
      compromiseCheck: "Cherchez depuis le 1 mars 2021.",
      links: [
        { label: "https://exemple.test/avis", url: "https://exemple.test/avis" },
        { label: "Titre", url: "https://exemple.test/t" },
      ],
    });
  });

  it("falls back to English, then to any language, and gives up quietly on odd shapes", () => {
    expect(adviceIn(advice, "de", null)?.summary).toEqual(["English summary."]);
    expect(adviceIn({ nl: { summary: "Alleen Nederlands." } }, "de", null)?.summary).toEqual(["Alleen Nederlands."]);
    expect(adviceIn({}, "en", null)).toBeNull();
    expect(adviceIn("advice", "en", null)).toBeNull();
    expect(adviceIn({ en: { summary: 3, actions: [null, "Ok"] } }, "en", null)).toEqual({
      summary: [],
      actions: ["Ok"],
      compromiseCheck: null,
      links: [],
    });
  });
});

describe("host labels", () => {
  it("bracket IPv6 addresses before a port and fall back to the hostname", () => {
    expect(hostLabel({ ip: "192.0.2.1", port: 443, protocol: "tcp", hostname: null })).toBe("192.0.2.1:443");
    expect(hostLabel({ ip: "2001:db8::1", port: 443, protocol: "tcp", hostname: null })).toBe("[2001:db8::1]:443");
    expect(hostLabel({ ip: null, port: null, protocol: null, hostname: "mail.example.test" })).toBe(
      "mail.example.test",
    );
    expect(serviceLabel({ ip: null, port: 25, protocol: "tcp", hostname: null })).toBe("25 / tcp");
    expect(serviceLabel({ ip: null, port: null, protocol: null, hostname: null })).toBe("–");
  });
});
