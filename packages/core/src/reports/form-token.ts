import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The report form carries a token signed with a server secret: when it was rendered, and a random nonce.
// It proves the post comes from a form this server rendered (a forged or altered token fails), lets the
// server refuse posts faster than a person can type (minimum fill time) and stale forms, and its nonce
// identifies the submission, so posting the same form twice stores one report. No cookie is needed: the
// public form grants no ambient authority a cross-site post could abuse.

const sign = (secret: string, purpose: string, value: string) =>
  createHmac("sha256", secret).update(`${purpose}\n${value}`).digest("base64url");

export function issueFormToken(secret: string, now: Date = new Date()): string {
  const body = `${now.getTime().toString(36)}.${randomBytes(16).toString("base64url")}`;
  return `${body}.${sign(secret, "report-form", body)}`;
}

export type FormTokenCheck =
  { status: "ok"; nonce: string; issuedAt: Date } | { status: "invalid" | "expired" | "too-fast" };

export function checkFormToken(
  secret: string,
  token: string | undefined,
  opts: { now?: Date; minSeconds: number; maxSeconds: number },
): FormTokenCheck {
  const [ts, nonce, mac, extra] = (token ?? "").split(".");
  if (!ts || !nonce || !mac || extra !== undefined) return { status: "invalid" };
  const expected = Buffer.from(sign(secret, "report-form", `${ts}.${nonce}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "invalid" };
  const issuedAt = new Date(parseInt(ts, 36));
  const ageMs = (opts.now ?? new Date()).getTime() - issuedAt.getTime();
  // A token from the future was signed by us too: only clocks differing between API processes explain it.
  if (ageMs >= 0 && ageMs < opts.minSeconds * 1000) return { status: "too-fast" };
  if (ageMs > opts.maxSeconds * 1000) return { status: "expired" };
  return { status: "ok", nonce, issuedAt };
}

/**
 * The key in the confirmation page's link: only the browser that submitted the report is sent there, and
 * no other reference can be opened by editing the address.
 */
export const thanksKey = (secret: string, reference: string) => sign(secret, "report-thanks", reference).slice(0, 32);

export function checkThanksKey(secret: string, reference: string, key: string | undefined): boolean {
  const expected = Buffer.from(thanksKey(secret, reference));
  const given = Buffer.from(key ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
