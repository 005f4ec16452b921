import ipaddr from "ipaddr.js";

/**
 * Whether the online lookups may connect to `address`. The host names they fetch come from uploaded lists,
 * that is from scan data an attacker can shape (reverse DNS, certificate names): a name resolving to
 * 127.0.0.1 or an address of the CERT's own network would make the worker probe it. Only public unicast
 * addresses are allowed, and the networks staff list in CONTACT_LOOKUP_ALLOWED_NETWORKS (an internal RDAP
 * mirror; the tests' local servers).
 */
export function lookupMayConnect(address: string, allowed: readonly string[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  for (const cidr of allowed) {
    const [network, bits] = ipaddr.parseCIDR(cidr);
    if (network.kind() === parsed.kind() && parsed.match([network, bits] as never)) return true;
  }
  return parsed.range() === "unicast";
}

/** A list of networks (`127.0.0.0/8,fd00::/8`), or the first entry that is not one. */
export function parseNetworks(text: string): { networks: string[] } | { bad: string } {
  const networks: string[] = [];
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      const [network, bits] = ipaddr.parseCIDR(entry);
      networks.push(`${network.toString()}/${bits}`);
    } catch {
      return { bad: entry };
    }
  }
  return { networks };
}
