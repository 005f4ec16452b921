import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors.ts";

// A feed's credentials at rest: AES-256-GCM under a key from the environment (FEED_SECRET_KEY), bound to the
// row they belong to (the additional data), so a copied ciphertext does not open elsewhere. The sealed text
// names the key by a fingerprint: a rotated or lost key is told apart from damaged data, and the error says
// what to do (enter the credentials again) instead of failing every pull with "bad decrypt". Such an error is
// `bad_request`: asking again cannot help, so a pull is not retried for it.

const VERSION = "v1";
const IV_BYTES = 12;

/** 32 bytes from the configured secret (any length of at least 32 characters). */
const keyOf = (secret: string) => createHash("sha256").update(`baken-feed-secrets:${secret}`).digest();

/** Which key sealed a text: not secret, not reversible. */
const fingerprintOf = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

/** `plaintext` sealed under `secret`, for the row named by `boundTo`. */
export function sealSecret(secret: string, plaintext: string, boundTo: string): string {
  const key = keyOf(secret);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(boundTo, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url"));
  return [VERSION, fingerprintOf(key), ...parts].join(".");
}

/** The plaintext of a sealed text, or an AppError saying why it cannot be read and what to do. */
export function openSecret(secret: string, sealedText: string, boundTo: string): string {
  const [version, fingerprint, iv, tag, data] = sealedText.split(".");
  const key = keyOf(secret);
  if (version !== VERSION || !iv || !tag || data === undefined) {
    throw new AppError("bad_request", "The stored credentials are unreadable: enter the API key and secret again");
  }
  if (fingerprint !== fingerprintOf(key)) {
    throw new AppError(
      "bad_request",
      "The stored credentials were sealed with another FEED_SECRET_KEY: restore that key, or enter the API key and secret again",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
      .setAAD(Buffer.from(boundTo, "utf8"))
      .setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("bad_request", "The stored credentials do not open: enter the API key and secret again");
  }
}
