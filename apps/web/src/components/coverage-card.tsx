import type { ListDetail } from "../api/index.ts";
import { dateTime, n } from "../lib/format.ts";
import { RipeDataHint } from "./ripe-data-hint.tsx";

export type Coverage = ListDetail["summary"]["coverage"];

const SOURCES = [
  ["override", "a range's contact set by staff"],
  ["network", "the network's range (RIPE, RDAP)"],
  ["asn", "the ASN (RIPE, RDAP)"],
  ["security_txt", "the domain's security.txt"],
] as const;

/** Whom hosts reach (a list's, a campaign's): a registered organization, a network operator's abuse contact, nobody. */
export function CoverageCard({
  coverage,
  what,
  lookedUpAt = null,
}: {
  coverage: Coverage;
  what: "list" | "campaign";
  /** When the online lookups (security.txt, RDAP) of a list's hosts finished, if they ran. */
  lookedUpAt?: string | null;
}) {
  const { registered, abuseContact, bySource, nobody } = coverage;
  const total = registered + abuseContact + nobody;
  const share = (value: number) => (total === 0 ? "" : ` (${Math.round((value * 100) / total)}%)`);
  return (
    <section aria-labelledby={`${what}-coverage-title`} className="card" data-testid={`${what}-coverage`}>
      <h2 id={`${what}-coverage-title`}>Coverage</h2>
      <dl className="stats">
        <div>
          <dt>Registered organization</dt>
          <dd data-testid="coverage-registered">{n(registered)}</dd>
        </div>
        <div>
          <dt>Abuse contact</dt>
          <dd data-testid="coverage-abuse-contact">{n(abuseContact)}</dd>
        </div>
        <div>
          <dt>Nobody</dt>
          <dd data-testid="coverage-nobody">{n(nobody)}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="coverage-line">
        Hosts reaching a registered organization{share(registered)}, an abuse contact{share(abuseContact)}, nobody
        {share(nobody)}.
        {abuseContact > 0 &&
          ` Abuse contacts found by ${SOURCES.filter(([key]) => bySource[key] > 0)
            .map(([key, label]) => `${label}: ${n(bySource[key])}`)
            .join(" · ")}.`}
      </p>
      {nobody > 0 && <RipeDataHint />}
      {lookedUpAt && (
        <p className="muted" data-testid="coverage-online">
          Abuse contacts looked up online (security.txt, RDAP) {dateTime(lookedUpAt)}.
        </p>
      )}
    </section>
  );
}
