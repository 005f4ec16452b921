import ipaddr from "ipaddr.js";

/** An address as the matcher walks it: 4 bytes (IPv4) or 16 (IPv6), plus its canonical text. */
// Bytes as a plain array: a typed array per parsed row cost more in allocation and GC than it saved.
export type IpAddress = { version: 4 | 6; bytes: number[]; text: string };

// Dotted-quad decimal is nearly every row of a scan report: parse it by hand (5x faster than ipaddr.js);
// anything else goes through ipaddr.js. Four-part decimal only: `1.2.3`, `010.1.1.1` and `0x7f.1.1.1`
// are refused, because tools disagree about what they mean.
function parseDottedQuad(s: string): number[] | null {
  const bytes = [0, 0, 0, 0];
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part === 3) return null;
      bytes[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return null; // a leading zero
      value = value * 10 + (c - 48);
      if (value > 255) return null;
      digits++;
    } else return null;
  }
  if (part !== 3 || digits === 0) return null;
  bytes[3] = value;
  return bytes;
}

/**
 * Parses an IPv4 or IPv6 address into its canonical form: IPv6 compressed lower-case (RFC 5952), an
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) folded to IPv4. Returns null for anything else.
 */
export function parseIp(input: string): IpAddress | null {
  const s = input.trim();
  const quad = parseDottedQuad(s);
  if (quad) return { version: 4, bytes: quad, text: s };
  if (!s.includes(":") || s.includes("%")) return null;
  const v6 = s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s;
  if (!ipaddr.IPv6.isValid(v6)) return null;
  const addr = ipaddr.IPv6.parse(v6);
  if (addr.isIPv4MappedAddress()) {
    const v4 = addr.toIPv4Address();
    return { version: 4, bytes: [...v4.octets], text: v4.toString() };
  }
  return { version: 6, bytes: addr.toByteArray(), text: addr.toRFC5952String() };
}

export type Cidr = { version: 4 | 6; bytes: number[]; bits: number; text: string };

/**
 * Parses `address/bits` (a bare address is a host route). Host bits must be zero, as PostgreSQL's cidr
 * demands: the error names the network meant.
 */
export function parseCidr(input: string): { ok: true; cidr: Cidr } | { ok: false; message: string } {
  const s = input.trim();
  const slash = s.indexOf("/");
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (!ip) return { ok: false, message: `not an IPv4 or IPv6 network: '${input}'` };
  const max = ip.version === 4 ? 32 : 128;
  const bitsText = slash < 0 ? String(max) : s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > max) {
    return { ok: false, message: `prefix length must be 0-${max}: '${input}'` };
  }
  const bits = Number(bitsText);
  const network = [...ip.bytes];
  for (let i = bits; i < max; i++) network[i >> 3]! &= ~(0x80 >> (i & 7));
  if (network.some((b, i) => b !== ip.bytes[i])) {
    return {
      ok: false,
      message: `'${input}' has host bits set; the network is ${bytesToText(network, ip.version)}/${bits}`,
    };
  }
  return { ok: true, cidr: { version: ip.version, bytes: network, bits, text: `${ip.text}/${bits}` } };
}

function bytesToText(bytes: number[], version: 4 | 6): string {
  return version === 4 ? bytes.join(".") : ipaddr.fromByteArray(bytes).toString();
}
