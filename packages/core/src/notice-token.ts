import { createHash, createHmac } from "node:crypto";

// A notice's link token is derived, not stored: HMAC(secret, notice id) gives 256 unguessable bits that the
// worker can recompute when it renders the mail, so the raw token is never written to the database or a
// job payload. The database keeps only its SHA-256 (notice.token_hash) to find the notice from a link.

export function noticeToken(secret: string, noticeId: string): string {
  return createHmac("sha256", `baken-notice-token:${secret}`).update(noticeId).digest("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
