import type { ReachData } from "./reach-data.ts";

/** A country code as RipeCollector keeps it (`BE` -> 0x4245) back to its two letters. */
export const countryText = (code: number) => String.fromCharCode(code >> 8, code & 255);

/**
 * Counts, per mailbox, the ranges of each country that reach it (their own contact or a less specific
 * range's), so that a mailbox's notices can be written in its country's language: a hoster's abuse desk in
 * Belgium answers for ranges in BE, and for the odd one in LU or NL. One map entry per (mailbox, country)
 * pair, about the number of mailboxes (~100k for the whole RIPE database), never one per range.
 */
export class MailboxCountries {
  private readonly counts = new Map<number, number>();

  /** A range with `country` (0: none read) reaches `mailbox` (an index into the import's mailboxes). */
  add(mailbox: number, country: number): void {
    if (country === 0 || mailbox < 0) return;
    const key = mailbox * 0x10000 + country;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /**
   * Per mailbox, the country most of its ranges have (a tie: the first in alphabetical order), or 0 for a
   * mailbox no range with a country reaches (an aut-num's only).
   */
  mostCommon(mailboxes: number): Uint16Array {
    const best = new Uint16Array(mailboxes);
    const bestCount = new Uint32Array(mailboxes);
    for (const [key, count] of this.counts) {
      const mailbox = Math.floor(key / 0x10000);
      const country = key % 0x10000;
      if (count > bestCount[mailbox]! || (count === bestCount[mailbox]! && country < best[mailbox]!)) {
        best[mailbox] = country;
        bestCount[mailbox] = count;
      }
    }
    return best;
  }
}

/** Each mailbox with the country most of its ranges have (mailboxes without one left out). */
export function* mailboxCountryRows(data: ReachData): Generator<{ mailbox: string; country: string }> {
  for (let m = 0; m < data.mailboxes.length; m++) {
    const code = data.mailboxCountries[m] ?? 0;
    if (code !== 0) yield { mailbox: data.mailboxes[m]!, country: countryText(code) };
  }
}
