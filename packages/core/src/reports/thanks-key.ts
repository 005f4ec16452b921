import { timingSafeEqual } from "node:crypto";
import { signFor } from "../forms/form-token.ts";

/**
 * The key in the confirmation page's link: only the browser that submitted the report is sent there, and
 * no other reference can be opened by editing the address.
 */
export const thanksKey = (secret: string, reference: string) =>
  signFor(secret, "report-thanks", reference).slice(0, 32);

export function checkThanksKey(secret: string, reference: string, key: string | undefined): boolean {
  const expected = Buffer.from(thanksKey(secret, reference));
  const given = Buffer.from(key ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
