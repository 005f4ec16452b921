import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Public forms (the incident report, the owner's page) have no session, so each rendered form carries a
// token signed with a server secret: when it was rendered, a random nonce, and what it is for (`purpose`,
// and for the owner's page the link token as `subject`). It proves the post comes from a form this server
// rendered for that page (a forged, altered or borrowed token fails: CSRF), lets the server refuse posts
// faster than a person can type (minimum fill time) and stale forms, and its nonce identifies the
// submission. No cookie is needed.

export type FormPurpose = "report-form" | "owner-form";
type Binding = { purpose: FormPurpose; subject?: string };

/** HMAC of `value` for one purpose; shared with other signed keys (the report's thanks key). */
export const signFor = (secret: string, purpose: string, value: string) =>
  createHmac("sha256", secret).update(`${purpose}\n${value}`).digest("base64url");

const signBody = (secret: string, { purpose, subject = "" }: Binding, body: string) =>
  signFor(secret, purpose, `${subject}\n${body}`);

export function issueFormToken(secret: string, binding: Binding, now: Date = new Date()): string {
  const body = `${now.getTime().toString(36)}.${randomBytes(16).toString("base64url")}`;
  return `${body}.${signBody(secret, binding, body)}`;
}

export type FormTokenCheck =
  { status: "ok"; nonce: string; issuedAt: Date } | { status: "invalid" | "expired" | "too-fast" };

export function checkFormToken(
  secret: string,
  token: string | undefined,
  opts: Binding & { now?: Date; minSeconds: number; maxSeconds: number },
): FormTokenCheck {
  const [ts, nonce, mac, extra] = (typeof token === "string" ? token : "").split(".");
  if (!ts || !nonce || !mac || extra !== undefined) return { status: "invalid" };
  const expected = Buffer.from(signBody(secret, opts, `${ts}.${nonce}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "invalid" };
  const issuedAt = new Date(parseInt(ts, 36));
  const ageMs = (opts.now ?? new Date()).getTime() - issuedAt.getTime();
  // A token from the future was signed by us too: only clocks differing between API processes explain it.
  if (ageMs >= 0 && ageMs < opts.minSeconds * 1000) return { status: "too-fast" };
  if (ageMs > opts.maxSeconds * 1000) return { status: "expired" };
  return { status: "ok", nonce, issuedAt };
}
