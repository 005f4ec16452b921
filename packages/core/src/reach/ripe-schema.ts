import type { RpslSchema } from "./rpsl-reader.ts";

/**
 * The RIPE object types read and, of each, the only attributes kept. `person` is read like `role`: RIPE's
 * public dump replaces every person by one placeholder and keeps roles only when they have an
 * `abuse-mailbox`, and an `abuse-c` may only name a role; a person with an `abuse-mailbox` is still read,
 * for dumps made otherwise. `e-mail` is never a fallback: RIPE's own abuse-contact lookup uses
 * `abuse-mailbox` only, and the public dump replaces every `e-mail` by a placeholder address.
 */
export const RIPE_SCHEMA = {
  inetnum: ["netname", "country", "org", "abuse-c", "last-modified"],
  inet6num: ["netname", "country", "org", "abuse-c", "last-modified"],
  "aut-num": ["org", "abuse-c", "last-modified"],
  organisation: ["org-name", "abuse-c", "last-modified"],
  role: ["nic-hdl", "abuse-mailbox", "last-modified"],
  person: ["nic-hdl", "abuse-mailbox", "last-modified"],
} as const satisfies RpslSchema;

export type RipeObjectType = keyof typeof RIPE_SCHEMA;
export const RIPE_TYPES = Object.keys(RIPE_SCHEMA) as RipeObjectType[];
