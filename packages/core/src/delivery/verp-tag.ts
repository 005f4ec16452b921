import { createHmac, timingSafeEqual } from "node:crypto";

// VERP: each notice leaves with its own envelope sender, `<local>+<tag>@<domain>`, so a bounce names the
// notice by the address it comes back to, whatever the bounce's layout. The tag is the notice id's 16
// bytes and 8 bytes of HMAC over them, in lower-case base32 (RFC 4648 alphabet, no padding): 39
// characters, unchanged by mail systems that lower-case local parts, with no character that needs
// quoting. 64 bits of MAC make a forged bounce for another notice a blind guess, each guess one SMTP
// transaction.

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const ID_BYTES = 16;
const MAC_BYTES = 8;
/** Characters of a tag. */
export const VERP_TAG_LENGTH = Math.ceil(((ID_BYTES + MAC_BYTES) * 8) / 5);
/** RFC 5321 §4.5.3.1.1. */
const MAX_LOCAL_PART = 64;
const TAG_SHAPE = new RegExp(`^[a-z2-7]{${VERP_TAG_LENGTH}}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The mailbox whose `+tag` variants are the return paths: BOUNCE_ADDRESS, else MAIL_FROM's address. */
export type BounceMailbox = { local: string; domain: string };

/**
 * The bounce mailbox from BOUNCE_ADDRESS when set, else from MAIL_FROM (`Name <a@b>` or `a@b`). Throws
 * when the address has no local part and domain, or when its local part leaves no room for a tag within
 * 64 octets: configuration must refuse such an address at start.
 */
export function bounceMailbox(bounceAddress: string | undefined, mailFrom: string): BounceMailbox {
  const source = bounceAddress ?? mailFrom;
  const address = bareAddress(source);
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at < 1 || !domain || /[\s<>"()]/.test(address)) throw new Error(`not an e-mail address: ${source}`);
  const room = MAX_LOCAL_PART - 1 - VERP_TAG_LENGTH;
  if (local.length > room) {
    throw new Error(`the local part of ${address} leaves no room for a bounce tag: at most ${room} characters`);
  }
  return { local, domain };
}

/** The return path of a notice: `<local>+<tag>@<domain>`. */
export function verpReturnPath(mailbox: BounceMailbox, secret: string, noticeId: string): string {
  const id = noticeId.toLowerCase();
  if (!UUID.test(id)) throw new Error(`a notice id is a UUID: ${noticeId}`);
  const bytes = Buffer.from(id.replaceAll("-", ""), "hex");
  return `${mailbox.local}+${base32(Buffer.concat([bytes, mac(secret, bytes)]))}@${mailbox.domain}`;
}

/**
 * The tag of an address `<local>+<tag>@<domain>` of this mailbox (compared without case), whatever the
 * tag looks like; null for any other address. Accepts `Name <address>` too.
 */
export function verpTagOf(mailbox: BounceMailbox, address: string): string | null {
  const bare = bareAddress(address).toLowerCase();
  const prefix = `${mailbox.local.toLowerCase()}+`;
  const suffix = `@${mailbox.domain.toLowerCase()}`;
  if (!bare.startsWith(prefix) || !bare.endsWith(suffix)) return null;
  const tag = bare.slice(prefix.length, bare.length - suffix.length);
  return tag.length > 0 && !tag.includes("@") ? tag : null;
}

/** Whether a tag has the shape of one Baken makes (it may still be forged). */
export const isWellFormedVerpTag = (tag: string): boolean => TAG_SHAPE.test(tag.toLowerCase());

/** The notice a tag names, or null when the tag is malformed or its MAC does not match (forged). */
export function noticeIdOfVerpTag(secret: string, tag: string): string | null {
  const lower = tag.toLowerCase();
  if (!TAG_SHAPE.test(lower)) return null;
  const bytes = unbase32(lower, ID_BYTES + MAC_BYTES);
  if (!bytes) return null;
  const id = bytes.subarray(0, ID_BYTES);
  if (!timingSafeEqual(bytes.subarray(ID_BYTES), mac(secret, id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The notice an address of this mailbox names, or null (not a tagged address, malformed or forged tag). */
export function noticeIdOfVerpAddress(mailbox: BounceMailbox, secret: string, address: string): string | null {
  const tag = verpTagOf(mailbox, address);
  return tag ? noticeIdOfVerpTag(secret, tag) : null;
}

const mac = (secret: string, id: Uint8Array) =>
  createHmac("sha256", `baken-bounce-tag:${secret}`).update(id).digest().subarray(0, MAC_BYTES);

function bareAddress(address: string): string {
  const bracketed = /<([^<>]*)>\s*$/.exec(address);
  return (bracketed ? bracketed[1]! : address).trim();
}

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes exactly `length` bytes; null unless the unused trailing bits are zero (one spelling per tag). */
function unbase32(text: string, length: number): Buffer | null {
  const out = Buffer.alloc(length);
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return n === length && (buffer & ((1 << bits) - 1)) === 0 ? out : null;
}
