import { v4Text, v6Text } from "./address-range.ts";
import { countryRows, MailboxCountries } from "./mailbox-country.ts";
import { RangeSweep, type SweptRange } from "./range-sweep.ts";
import { ReachContacts } from "./reach-contacts.ts";
import {
  row,
  type RangeCounts,
  type ReachAnswer,
  type ReachAsnRow,
  type ReachPrefixRow,
  type ReachReport,
} from "./reach-data.ts";
import { reachReport, resolveAsns, type ResolveOptions } from "./resolve-reach.ts";
import type { RipeCollector } from "./ripe-collector.ts";

/** A range read back in order (see RangeSweep), its netname as text. */
export type StreamedRange = SweptRange<string | null>;

/**
 * resolveReach for a dump whose ranges are not held in memory: a collector made with a `ranges` sink
 * (RipeCollector) handed them to be stored elsewhere as they were read; they come back sorted, one family
 * at a time (`family(6)`, then `family(4)`, or the other way), and each distinct prefix's row is handed to
 * `row` as soon as it is final. Memory: the handles, mailboxes and contacts (tens of thousands), and the
 * nesting of the ranges; nothing per range. The rows and report are the same as resolveReach's.
 */
export class ReachStream {
  private readonly contacts: ReachContacts;
  private readonly inScopeOrgs = new Set<number>();
  private readonly countries = new MailboxCountries();
  private readonly counts: { 4?: RangeCounts; 6?: RangeCounts } = {};
  private asns: ReturnType<typeof resolveAsns> | null = null;

  constructor(
    private readonly collected: RipeCollector,
    private readonly options: ResolveOptions,
    private readonly onRow: (row: ReachPrefixRow) => void,
  ) {
    this.contacts = new ReachContacts(collected);
  }

  /** Takes one family's ranges, in order, then `end()`. */
  family(family: 4 | 6): { range(r: StreamedRange): void; end(): void } {
    const w = family === 4 ? 1 : 4;
    const sweep = new RangeSweep<string | null, ReachAnswer>(w, {
      contact: (abuseC, org) => this.contacts.of(abuseC, org),
      reached: (contact, country) => this.countries.add(this.contacts.mailbox.get(contact), country),
      source: (s) =>
        this.answer(
          s.contact,
          family === 4 ? "inetnum" : "inet6num",
          family === 4 ? `${v4Text(s.words[0]!)} - ${v4Text(s.last)}` : `${v6Text(s.words, 0)}/${s.last}`,
          s.name,
        ),
      prefix: (words, bits, answer) => {
        const address = family === 4 ? v4Text(words[0]!) : v6Text(words, 0);
        this.onRow(row("cidr", `${address}/${bits}`, answer));
      },
    });
    return {
      range: (r) => {
        sweep.range(r);
        if (r.inScope && r.org >= 0) this.inScopeOrgs.add(r.org);
      },
      end: () => {
        sweep.end();
        this.counts[family] = sweep.counts;
      },
    };
  }

  /** The ASNs' rows, after both families (a country scope keeps the aut-nums of the kept ranges' orgs). */
  asnRows(): ReachAsnRow[] {
    this.asns = resolveAsns(this.collected, this.contacts, this.inScopeOrgs, this.options.delegatedAsns ?? null);
    const { asn, contact } = this.asns.table;
    return Array.from(asn, (a, i) => row("asn", a, this.answer(contact[i]!, "aut-num", `AS${a}`, null)));
  }

  /** After both families: each mailbox with the country of most of its ranges (as resolveReach's data). */
  mailboxCountries(): Generator<{ mailbox: string; country: string }> {
    const mailboxes = this.collected.mailboxes;
    return countryRows(mailboxes, this.countries.countries(mailboxes.length));
  }

  report(): ReachReport {
    const none = { read: 0, inScope: 0, withContact: 0, inherited: 0, without: 0 };
    const asns = this.asns ?? { counts: { read: 0, inScope: 0, withContact: 0, without: 0 }, scope: "all" as const };
    return reachReport(this.collected, this.counts[4] ?? none, this.counts[6] ?? none, asns);
  }

  private answer(contact: number, kind: ReachAnswer["kind"], source: string, name: string | null): ReachAnswer {
    const c = this.collected;
    const org = this.contacts.org.get(contact);
    return {
      mailbox: c.mailboxes[this.contacts.mailbox.get(contact)]!,
      kind,
      source,
      name,
      role: c.handles[this.contacts.role.get(contact)]!,
      org: org >= 0 ? c.handles[org]! : null,
      orgName: org >= 0 ? (c.orgNames.get(org) ?? null) : null,
    };
  }
}
