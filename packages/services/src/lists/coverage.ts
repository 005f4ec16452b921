import type { MatchReason } from "@baken/core";

export type ReasonCounts = Record<MatchReason, number>;

/** Whom a set of hosts reaches: a registered organization, a fallback abuse contact (by its source), nobody. */
export function coverageOf(reasons: { reason: MatchReason | null; n: number }[]) {
  const byReason: ReasonCounts = {
    manual: 0,
    domain: 0,
    network: 0,
    asn: 0,
    override: 0,
    security_txt: 0,
    abuse_network: 0,
    abuse_asn: 0,
  };
  let nobody = 0;
  for (const r of reasons) {
    if (r.reason === null) nobody += r.n;
    else byReason[r.reason] += r.n;
  }
  // Staff's override of a range's contact counts with the abuse contacts: it stands in for the range's.
  const bySource = {
    override: byReason.override,
    security_txt: byReason.security_txt,
    network: byReason.abuse_network,
    asn: byReason.abuse_asn,
  };
  const abuseContact = bySource.override + bySource.security_txt + bySource.network + bySource.asn;
  const registered = byReason.manual + byReason.domain + byReason.network + byReason.asn;
  return { byReason, coverage: { registered, abuseContact, bySource, nobody } };
}
