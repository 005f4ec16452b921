import { BytePool, Column } from "./columns.ts";
import type { FallbackAnswer, FallbackSource } from "./fallback-matcher.ts";

/**
 * The fallback's answers for millions of ranges, as the api and the worker keep them loaded: each answer's
 * mailbox an index into the distinct mailboxes (a hundred thousand for RIPE's millions of ranges), its
 * object (`inetnum 192.0.2.0 - 192.0.2.255 (EXAMPLE-NET)`) as bytes in a pool. An object and an array
 * entry per answer cost ~330 bytes each, over a GiB at the real dump's size; this ~50. `at` makes the
 * answer when it is needed; a lookup needs only `mailboxOf` (a number: the matcher keeps what it derives
 * from a mailbox by that number, so a hit in a range never met before reads no string).
 *
 * Answers given whole to the constructor (RDAP networks: few, with a language) come first, indexes
 * 0..first.length-1; the packed ones follow.
 */
export class PackedAnswers {
  private readonly mailboxes: string[] = [];
  private readonly mailboxIds = new Map<string, number>();
  private readonly mailbox = new Column(Int32Array);
  private readonly object = new Column(Uint32Array);
  private readonly pool = new BytePool();
  private count = 0;
  private lastMailbox = "";
  private lastObject = "";

  constructor(
    private readonly source: FallbackSource,
    private readonly first: readonly FallbackAnswer[] = [],
  ) {
    first.forEach((answer, i) => this.mailbox.set(i, this.mailboxId(answer.mailbox)));
    this.count = first.length;
  }

  get length(): number {
    return this.count;
  }

  /** Distinct mailboxes: `mailboxOf` is below this. */
  get mailboxCount(): number {
    return this.mailboxes.length;
  }

  /**
   * Adds an answer and returns its index. The same answer added again right after (the prefixes of one
   * range not aligned on a prefix, which follow each other) is the same index.
   */
  add(mailbox: string, object: string): number {
    if (this.count > this.first.length && mailbox === this.lastMailbox && object === this.lastObject) {
      return this.count - 1;
    }
    this.mailbox.set(
      this.count,
      mailbox === this.lastMailbox ? this.mailbox.get(this.count - 1) : this.mailboxId(mailbox),
    );
    this.object.set(this.count, this.pool.add(object));
    this.lastMailbox = mailbox;
    this.lastObject = object;
    return this.count++;
  }

  /** The answer's mailbox as a number: the same for every answer with that mailbox. */
  mailboxOf(index: number): number {
    return this.mailbox.get(index);
  }

  at(index: number): FallbackAnswer | undefined {
    if (index < 0 || index >= this.count) return undefined;
    if (index < this.first.length) return this.first[index];
    return {
      mailbox: this.mailboxes[this.mailbox.get(index)]!,
      source: this.source,
      object: this.pool.get(this.object.get(index)),
    };
  }

  private mailboxId(mailbox: string): number {
    let m = this.mailboxIds.get(mailbox);
    if (m === undefined) {
      // A copy of its own: the text handed in is often a slice of a larger string (a piece of COPY text
      // read back), which a kept slice would keep whole.
      const own = Buffer.from(mailbox, "utf8").toString("utf8");
      m = this.mailboxes.push(own) - 1;
      this.mailboxIds.set(own, m);
    }
    return m;
  }
}
