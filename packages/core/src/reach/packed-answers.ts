import { BytePool, Column } from "./columns.ts";
import type { FallbackAnswer, FallbackSource } from "./fallback-matcher.ts";

/**
 * The fallback's answers for millions of ranges, as the api and the worker keep them loaded: each answer's
 * mailbox an index into the distinct mailboxes (a hundred thousand for RIPE's millions of ranges), its
 * object (`inetnum 192.0.2.0 - 192.0.2.255 (EXAMPLE-NET)`) as bytes in a pool. An object and an array
 * entry per answer cost ~330 bytes each, over a GiB at the real dump's size; this ~50. `at` makes the
 * answer when a lookup needs it (the matcher keeps what it made).
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

  constructor(private readonly source: FallbackSource) {}

  get length(): number {
    return this.count;
  }

  /**
   * Adds an answer and returns its index. The same answer added again right after (the prefixes of one
   * range not aligned on a prefix, which follow each other) is the same index.
   */
  add(mailbox: string, object: string): number {
    if (this.count > 0 && mailbox === this.lastMailbox && object === this.lastObject) return this.count - 1;
    let m = this.mailboxIds.get(mailbox);
    if (m === undefined) {
      m = this.mailboxes.push(mailbox) - 1;
      this.mailboxIds.set(mailbox, m);
    }
    this.mailbox.set(this.count, m);
    this.object.set(this.count, this.pool.add(object));
    this.lastMailbox = mailbox;
    this.lastObject = object;
    return this.count++;
  }

  at(index: number): FallbackAnswer | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return {
      mailbox: this.mailboxes[this.mailbox.get(index)]!,
      source: this.source,
      object: this.pool.get(this.object.get(index)),
    };
  }
}
