import { getDomain } from "tldts";
import { parseIp } from "../match/ip-address.ts";
import { isMailbox } from "./mailbox.ts";

/** A security.txt that can be used: its mailto contacts and what else it says (RFC 9116). */
export type SecurityTxt = {
  usable: true;
  /** The `Contact: mailto:` addresses, in the file's order of preference, lower-case. */
  mailboxes: string[];
  /** Every Contact URI as written (https forms, tel: numbers included). */
  contacts: string[];
  /** `Preferred-Languages`, lower-case tags (`nl`, `fr-be`), in the file's order. */
  languages: string[];
  /** `Expires`, as ISO 8601. */
  expires: string;
  canonical: string[];
  /** The file was OpenPGP cleartext-signed. The signature is NOT verified: the signed text is read. */
  signed: boolean;
  /** What is wrong but does not make the file unusable. */
  warnings: string[];
};

export type SecurityTxtResult = SecurityTxt | { usable: false; reason: string };

/** Larger than this is not a security.txt (RFC 9116 sets no size; real files are a few hundred bytes). */
export const SECURITY_TXT_MAX_BYTES = 32 * 1024;

const SIGNED_START = "-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_START = "-----BEGIN PGP SIGNATURE-----";
// RFC 3339 date-time, as RFC 9116 2.5.5 requires for Expires.
const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * Reads a security.txt (RFC 9116): `Field: value` lines, `#` comments, field names compared
 * case-insensitively, unknown fields ignored. A cleartext-signed file (RFC 4880 section 7) is read from
 * its signed text, dash-escaping undone; the signature is not checked (there is no key to check it
 * against). Not usable: no `Expires`, more than one, or one in the past (`now`); no mailto contact; an HTML
 * page (a server's "not found" page served with 200); larger than SECURITY_TXT_MAX_BYTES. `url`: where
 * the file was fetched, checked against `Canonical` (a mismatch is a warning).
 */
export function parseSecurityTxt(text: string, { now, url }: { now: Date; url?: string }): SecurityTxtResult {
  if (text.length > SECURITY_TXT_MAX_BYTES)
    return { usable: false, reason: `larger than ${SECURITY_TXT_MAX_BYTES} bytes` };
  let body = text.replace(/^\uFEFF/, "");
  if (/^\s*</.test(body)) return { usable: false, reason: "an HTML page, not a security.txt" };
  const warnings: string[] = [];
  let signed = false;
  const start = body.indexOf(SIGNED_START);
  if (start >= 0) {
    const end = body.indexOf(SIGNATURE_START, start);
    if (end < 0) return { usable: false, reason: "a signed message without its signature block" };
    const lines = body.slice(start + SIGNED_START.length, end).split(/\r?\n/);
    // Armor headers (`Hash: SHA512`) up to the first blank line, then the dash-escaped text.
    const blank = lines.findIndex((l, i) => i > 0 && l.trim() === "");
    body = lines
      .slice(blank + 1)
      .map((l) => (l.startsWith("- ") ? l.slice(2) : l))
      .join("\n");
    signed = true;
    warnings.push("OpenPGP signature not verified");
  }

  const fields = new Map<string, string[]>();
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      warnings.push(`not a field: '${line.slice(0, 80)}'`);
      continue;
    }
    const name = m[1]!.toLowerCase();
    const list = fields.get(name) ?? [];
    list.push(m[2]!.trim());
    fields.set(name, list);
  }

  const expiresList = fields.get("expires") ?? [];
  if (expiresList.length === 0) return { usable: false, reason: "no Expires field" };
  if (expiresList.length > 1) return { usable: false, reason: "more than one Expires field" };
  const expiresText = expiresList[0]!;
  const expires = DATE_TIME.test(expiresText) ? new Date(expiresText.replace(" ", "T")) : null;
  if (!expires || Number.isNaN(expires.getTime()))
    return { usable: false, reason: `Expires is not a date-time: '${expiresText}'` };
  if (expires.getTime() <= now.getTime()) return { usable: false, reason: `expired on ${expires.toISOString()}` };

  const contacts = fields.get("contact") ?? [];
  const mailboxes: string[] = [];
  for (const contact of contacts) {
    for (const address of mailtoAddresses(contact, warnings)) if (!mailboxes.includes(address)) mailboxes.push(address);
  }
  if (mailboxes.length === 0) {
    return { usable: false, reason: contacts.length === 0 ? "no Contact field" : "no mailto: contact" };
  }

  const languageFields = fields.get("preferred-languages") ?? [];
  if (languageFields.length > 1) warnings.push("more than one Preferred-Languages field: the first is used");
  const languages = (languageFields[0] ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/.test(l));
  const canonical = fields.get("canonical") ?? [];
  if (url && canonical.length > 0 && !canonical.includes(url)) {
    warnings.push(`fetched from ${url}, which is not among its Canonical URIs`);
  }
  return { usable: true, mailboxes, contacts, languages, expires: expires.toISOString(), canonical, signed, warnings };
}

/** The addresses of a Contact value: `mailto:` (RFC 6068: percent-encoded, several, a query); a bare
 *  address is taken too, as files often write it, with a warning. */
function mailtoAddresses(value: string, warnings: string[]): string[] {
  let list: string;
  if (/^mailto:/i.test(value)) list = value.slice(7).split("?")[0]!;
  else if (isMailbox(value)) {
    warnings.push(`Contact '${value}' is an address, not a mailto: URI`);
    list = value;
  } else return [];
  const out: string[] = [];
  for (const part of list.split(",")) {
    let address: string;
    try {
      address = decodeURIComponent(part).trim().toLowerCase();
    } catch {
      continue;
    }
    if (isMailbox(address)) out.push(address);
  }
  return out;
}

/**
 * Where to look for a hostname's security.txt, in order: the host itself (RFC 9116 section 3: a file
 * applies only to the host it was fetched from), then its registered domain, which is where
 * organisations publish it (`mail.example.be` -> `example.be`). The registered domain is taken with the
 * Public Suffix List (tldts, private suffixes included, so `customer.github.io` is its own domain and
 * never reaches the platform's file): the matcher needs no such list, because there the registered
 * domain is whatever an organization registered. None for an IP address or a bare public suffix.
 */
export function securityTxtUrls(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (parseIp(host) || !host.includes(".")) return [];
  const domain = registeredDomain(host);
  if (domain === null) return [];
  const hosts = domain === host ? [host] : [host, domain];
  return hosts.map((h) => `https://${h}/.well-known/security.txt`);
}

/** The hostname's registered domain by the Public Suffix List, or null (a public suffix itself). */
export function registeredDomain(hostname: string): string | null {
  return getDomain(hostname, { allowPrivateDomains: true });
}
