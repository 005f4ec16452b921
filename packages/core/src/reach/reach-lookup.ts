import type { IpAddress } from "../match/ip-address.ts";
import { PrefixMapBuilder, type PrefixMap } from "./prefix-map.ts";
import { reachAnswer, type ReachAnswer, type ReachData } from "./reach-data.ts";

/**
 * The loaded fallback: who to mail for an address (the nearest range with an abuse contact) or an ASN.
 * Answers are made once per source and shared (frozen), as the matcher's results are.
 */
export class ReachLookup {
  private readonly v4Answers: (ReachAnswer | undefined)[] = [];
  private readonly v6Answers: (ReachAnswer | undefined)[] = [];
  private readonly asnAnswers: (ReachAnswer | undefined)[] = [];

  private constructor(
    private readonly data: ReachData,
    readonly prefixes: PrefixMap,
  ) {}

  static of(data: ReachData): ReachLookup {
    const builder = new PrefixMapBuilder();
    const v4 = data.v4.prefixes;
    for (let i = 0; i < v4.source.length; i++) builder.addV4(v4.start[i]!, v4.bits[i]!, v4.source[i]!);
    const v6 = data.v6.prefixes;
    for (let i = 0; i < v6.source.length; i++) builder.addV6(v6.words, i * 4, v6.bits[i]!, v6.source[i]!);
    return new ReachLookup(data, builder.build());
  }

  lookup(ip: IpAddress): ReachAnswer | null {
    const source = this.prefixes.lookup(ip);
    if (source < 0) return null;
    return ip.version === 4 ? this.answer(this.v4Answers, 4, source) : this.answer(this.v6Answers, 6, source);
  }

  /** `lookup` for an IPv4 address as an unsigned 32-bit number (the fast CSV path's form). */
  lookupV4(address: number): ReachAnswer | null {
    const source = this.prefixes.lookupV4(address);
    return source < 0 ? null : this.answer(this.v4Answers, 4, source);
  }

  asn(asn: number): ReachAnswer | null {
    const list = this.data.asns.asn;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid]!;
      if (v === asn) return this.answer(this.asnAnswers, 0, mid);
      if (v < asn) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  private answer(cache: (ReachAnswer | undefined)[], family: 0 | 4 | 6, index: number): ReachAnswer {
    return (cache[index] ??= Object.freeze(reachAnswer(this.data, family, index)));
  }
}
