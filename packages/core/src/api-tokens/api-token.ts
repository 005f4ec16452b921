import { randomBytes, timingSafeEqual } from "node:crypto";
import { tokenHash } from "../notice-token.ts";

// An API token: baken_<id>_<secret>. The prefix makes a leaked token recognisable (secret scanners, logs,
// a reviewer's eye), as GitHub's ghp_ does; <id> is the token row's UUID without dashes, so the token finds
// its row without a lookup by secret; <secret> is 256 random bits, base64url. Only tokenHash(token) is stored.
//
// SHA-256 is enough here, where passwords need scrypt: a slow, salted hash defends guessable inputs against
// a dictionary; 256 random bits cannot be guessed or precomputed, so a stolen hash gives nothing to try,
// and a fast hash keeps every API call cheap (a 50 ms KDF per request would be a denial of service lever).

export const API_TOKEN_PREFIX = "baken_";

const SECRET_BYTES = 32;
const TOKEN = /^baken_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type IssuedApiToken = {
  /** Shown to the admin once, never stored. */
  token: string;
  /** What the database keeps (hex SHA-256 of the whole token). */
  hash: string;
};

/** A new token for the token row `id` (a UUID). */
export function issueApiToken(id: string): IssuedApiToken {
  const uuid = id.toLowerCase();
  if (!UUID.test(uuid)) throw new Error(`An API token's id must be a UUID: ${id}`);
  const token = `${API_TOKEN_PREFIX}${uuid.replaceAll("-", "")}_${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { token, hash: tokenHash(token) };
}

/** Whether a bearer credential is an API token (else it may be a staff session's JWT). */
export const isApiToken = (value: string): boolean => value.startsWith(API_TOKEN_PREFIX);

/** The token row's id (a UUID), or null when `token` is not a well-formed API token. */
export function apiTokenId(token: string): string | null {
  const hex = TOKEN.exec(token)?.[1];
  if (!hex) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether `token` is the one whose hash is stored, in time that does not depend on where they differ. */
export function apiTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(tokenHash(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
