import { describe, expect, it } from "vitest";
import { parseSecurityTxt, registeredDomain, securityTxtUrls } from "../../src/index.ts";

const now = new Date("2026-11-30T12:00:00Z");
const FILE = [
  "# Our security contacts",
  "Contact: mailto:security@example.be",
  "Contact: https://example.be/report",
  "contact: MAILTO:CERT%40example.be?subject=report",
  "Contact: tel:+32-2-000-00-00",
  "Expires: 2027-06-30T23:59:59.000Z",
  "Preferred-Languages: nl, FR, en",
  "Canonical: https://example.be/.well-known/security.txt",
  "Policy: https://example.be/disclosure",
  "Hiring: https://example.be/jobs",
  "",
].join("\r\n");

describe("security.txt", () => {
  it("reads the mailto contacts, the languages and the expiry", () => {
    expect(parseSecurityTxt(FILE, { now, url: "https://example.be/.well-known/security.txt" })).toEqual({
      usable: true,
      mailboxes: ["security@example.be", "cert@example.be"],
      contacts: [
        "mailto:security@example.be",
        "https://example.be/report",
        "MAILTO:CERT%40example.be?subject=report",
        "tel:+32-2-000-00-00",
      ],
      languages: ["nl", "fr", "en"],
      expires: "2027-06-30T23:59:59.000Z",
      canonical: ["https://example.be/.well-known/security.txt"],
      signed: false,
      warnings: [],
    });
  });

  it("reads the signed text of a cleartext-signed file, without verifying the signature", () => {
    const signed = [
      "-----BEGIN PGP SIGNED MESSAGE-----",
      "Hash: SHA512",
      "",
      "Contact: mailto:psirt@example.nl",
      "- Expires: 2027-01-01T00:00:00Z",
      "Preferred-Languages: nl",
      "-----BEGIN PGP SIGNATURE-----",
      "",
      "iHUEARYKAB0WIQQfakefakefakefakefakefakefakefakefakeAAoJEH/fake",
      "-----END PGP SIGNATURE-----",
    ].join("\n");
    const result = parseSecurityTxt(signed, { now, url: "https://example.nl/.well-known/security.txt" });
    expect(result).toMatchObject({ usable: true, mailboxes: ["psirt@example.nl"], languages: ["nl"], signed: true });
    expect(result.usable && result.warnings).toEqual(["OpenPGP signature not verified"]);
  });

  it("says why a file is not usable", () => {
    const reason = (text: string) => {
      const r = parseSecurityTxt(text, { now });
      return r.usable ? null : r.reason;
    };
    expect(reason("Contact: mailto:a@example.be\n")).toBe("no Expires field");
    expect(reason("Contact: mailto:a@example.be\nExpires: 2025-01-01T00:00:00Z\n")).toBe(
      "expired on 2025-01-01T00:00:00.000Z",
    );
    expect(reason("Contact: mailto:a@example.be\nExpires: next year\n")).toBe(
      "Expires is not a date-time: 'next year'",
    );
    expect(reason("Contact: mailto:a@example.be\nExpires: 2027-01-01T00:00:00Z\nExpires: 2028-01-01T00:00:00Z\n")).toBe(
      "more than one Expires field",
    );
    expect(reason("Contact: https://example.be/report\nExpires: 2027-01-01T00:00:00Z\n")).toBe("no mailto: contact");
    expect(reason("Expires: 2027-01-01T00:00:00Z\n")).toBe("no Contact field");
    expect(reason("<!doctype html><html><title>Not found</title></html>")).toBe("an HTML page, not a security.txt");
    expect(reason("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@example.be\n")).toBe(
      "a signed message without its signature block",
    );
    expect(reason(`Contact: mailto:a@example.be\nExpires: 2027-01-01T00:00:00Z\n# ${"x".repeat(40000)}`)).toBe(
      "larger than 32768 bytes",
    );
  });

  it("takes a bare address and notes a Canonical mismatch, as warnings", () => {
    const r = parseSecurityTxt(
      "Contact: security@example.be\nExpires: 2027-01-01T00:00:00+01:00\nCanonical: https://www.example.be/.well-known/security.txt\n",
      {
        now,
        url: "https://example.be/.well-known/security.txt",
      },
    );
    expect(r).toMatchObject({
      usable: true,
      mailboxes: ["security@example.be"],
      warnings: [
        "Contact 'security@example.be' is an address, not a mailto: URI",
        "fetched from https://example.be/.well-known/security.txt, which is not among its Canonical URIs",
      ],
    });
  });

  it("looks at the host, then its registered domain by the Public Suffix List", () => {
    expect(securityTxtUrls("mail.gemeente.example.be")).toEqual([
      "https://mail.gemeente.example.be/.well-known/security.txt",
      "https://example.be/.well-known/security.txt",
    ]);
    expect(securityTxtUrls("owa.example.co.uk.")).toEqual([
      "https://owa.example.co.uk/.well-known/security.txt",
      "https://example.co.uk/.well-known/security.txt",
    ]);
    expect(securityTxtUrls("example.be")).toEqual(["https://example.be/.well-known/security.txt"]);
    expect(securityTxtUrls("customer.github.io")).toEqual(["https://customer.github.io/.well-known/security.txt"]);
    expect(securityTxtUrls("co.uk")).toEqual([]);
    expect(securityTxtUrls("192.0.2.1")).toEqual([]);
    expect(securityTxtUrls("localhost")).toEqual([]);
    expect(registeredDomain("a.b.example.com")).toBe("example.com");
  });
});
