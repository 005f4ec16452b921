import { Column } from "./columns.ts";
import type { ReachData } from "./reach-data.ts";

/** A country code as RipeCollector keeps it (`BE` -> 0x4245) back to its two letters. */
export const countryText = (code: number) => String.fromCharCode(code >> 8, code & 255);

/**
 * Per mailbox, the country of most of the ranges that reach it (their own contact or a less specific
 * range's), so that a mailbox's notices can be written in its country's language: a hoster's abuse desk in
 * Belgium answers for ranges in BE, and for the odd one in LU or NL. A majority vote (Boyer and Moore) in
 * two typed columns, 6 bytes a mailbox and nothing per range or per (mailbox, country) pair: counting every
 * pair exactly took a map entry each, 15-30 MiB more at a quarter of the real dump's size (bench:ripe). The
 * answer is the country more than half the ranges have whenever there is one (a RIPE mailbox's ranges are
 * nearly always of one country); without such a majority, one of the frequent ones, by reading order.
 */
export class MailboxCountries {
  private readonly candidate = new Column(Uint16Array);
  private readonly votes = new Column(Uint32Array);

  /** A range with `country` (0: none read) reaches `mailbox` (an index into the import's mailboxes). */
  add(mailbox: number, country: number): void {
    if (country === 0 || mailbox < 0) return;
    const votes = this.votes.getOr(mailbox);
    if (votes === 0) {
      this.candidate.set(mailbox, country);
      this.votes.set(mailbox, 1);
    } else this.votes.set(mailbox, this.candidate.get(mailbox) === country ? votes + 1 : votes - 1);
  }

  /** Per mailbox, its country (`countryCode`), or 0 for a mailbox no range with a country reaches. */
  countries(mailboxes: number): Uint16Array {
    const out = new Uint16Array(mailboxes);
    for (let m = 0; m < mailboxes; m++) out[m] = this.candidate.getOr(m);
    return out;
  }
}

/** Each mailbox with the country of most of its ranges (mailboxes without one left out). */
export function mailboxCountryRows(data: ReachData): Generator<{ mailbox: string; country: string }> {
  return countryRows(data.mailboxes, data.mailboxCountries);
}

/** `codes[m]` is mailbox m's country (MailboxCountries.countries). */
export function* countryRows(
  mailboxes: readonly string[],
  codes: Uint16Array,
): Generator<{ mailbox: string; country: string }> {
  for (let m = 0; m < mailboxes.length; m++) {
    const code = codes[m] ?? 0;
    if (code !== 0) yield { mailbox: mailboxes[m]!, country: countryText(code) };
  }
}
