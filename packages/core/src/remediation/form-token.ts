import { createHmac, timingSafeEqual } from "node:crypto";

// The owner's page has no session, so its forms carry their own proof of origin: an HMAC of the link token
// and the time the page was rendered. A form posted from elsewhere cannot have it without first loading the
// page with the link, and an old copy of the page stops working after `maxAgeMs`.

const sign = (secret: string, linkToken: string, issuedAt: number) =>
  createHmac("sha256", `baken-owner-form:${secret}`).update(`${linkToken}.${issuedAt}`).digest("base64url");

export function formToken(secret: string, linkToken: string, issuedAt: number): string {
  return sign(secret, linkToken, issuedAt);
}

export function checkFormToken(
  secret: string,
  linkToken: string,
  issuedAt: string | undefined,
  token: string | undefined,
  now: number,
  maxAgeMs: number,
): boolean {
  const at = Number(issuedAt);
  // The signature is computed whatever the input, so a bad form costs the same as a good one.
  const expected = Buffer.from(sign(secret, linkToken, Number.isSafeInteger(at) ? at : 0));
  const given = Buffer.from(typeof token === "string" ? token : "");
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return same && Number.isSafeInteger(at) && at <= now + 60_000 && now - at <= maxAgeMs;
}
