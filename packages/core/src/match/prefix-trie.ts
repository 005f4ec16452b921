import type { IpAddress } from "./ip-address.ts";

const NONE = -1;

/**
 * A binary (radix-2) trie over address bits, one root for IPv4 and one for IPv6, in one flat typed array
 * (no object per node: 100,000 prefixes stay a few MB). Each prefix's value id also records its parent
 * (the next shorter prefix containing it), so a lookup needs only the longest match and follows parents
 * for every other candidate. The first 16 IPv4 levels are flattened into a 65,536-entry table: a lookup
 * starts at depth 16 and walks the few remaining levels, instead of taking ~30 dependent memory reads
 * (each a likely cache miss against a large registry). A node's children and value sit side by side
 * (16 bytes, one cache line): one miss a level, not three.
 */
export class PrefixTrie {
  // Node n is nodes[4n] = child for bit 0, [4n + 1] = child for bit 1 (0: none), [4n + 2] = value id.
  private nodes = PrefixTrie.emptyNodes(1024);
  private size = 2; // node 0: IPv4 root, node 1: IPv6 root
  private parents = new Int32Array(64).fill(NONE);
  private sealed = false;
  private topNode = new Int32Array(65536);
  private topBest = new Int32Array(65536);

  insert(bytes: ArrayLike<number>, bits: number, version: 4 | 6, valueId: number): void {
    this.sealed = false;
    let node = version === 4 ? 0 : 1;
    for (let i = 0; i < bits; i++) {
      const bit = (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
      const next = this.nodes[node * 4 + bit]!;
      if (next !== 0) {
        node = next;
        continue;
      }
      const created = this.allocate();
      this.nodes[node * 4 + bit] = created;
      node = created;
    }
    this.nodes[node * 4 + 2] = valueId;
    if (valueId >= this.parents.length) {
      const grown = new Int32Array(Math.max(valueId + 1, this.parents.length * 2)).fill(NONE);
      grown.set(this.parents);
      this.parents = grown;
    }
  }

  /** The value ids of every prefix containing the address, longest first. */
  lookupAll(ip: IpAddress): number[] {
    return this.withParents(this.lookupLongest(ip));
  }

  /** The value id and those of every shorter prefix containing it, longest first. */
  withParents(valueId: number): number[] {
    if (!this.sealed) this.seal();
    const out: number[] = [];
    for (let v = valueId; v !== NONE; v = this.parents[v]!) out.push(v);
    return out;
  }

  /** The value id of the longest prefix containing the address, or -1. */
  lookupLongest(ip: IpAddress): number {
    const b = ip.bytes;
    if (ip.version === 4) return this.lookupV4(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0);
    if (!this.sealed) this.seal();
    const nodes = this.nodes;
    let node = 1;
    let best = nodes[4 + 2]!;
    for (let i = 0; i < 128; i++) {
      node = nodes[node * 4 + ((b[i >> 3]! >> (7 - (i & 7))) & 1)]!;
      if (node === 0) break;
      const v = nodes[node * 4 + 2]!;
      if (v !== NONE) best = v;
    }
    return best;
  }

  /**
   * The value id of the longest prefix that contains the whole network `bytes/bits` (a prefix no longer
   * than `bits`), or -1: a blocklist's 198.51.100.0/24 belongs to whoever holds 198.51.0.0/16, not to the
   * holder of 198.51.100.128/25 inside it.
   */
  lookupNetwork(bytes: ArrayLike<number>, bits: number, version: 4 | 6): number {
    if (!this.sealed) this.seal();
    const nodes = this.nodes;
    let node = version === 4 ? 0 : 1;
    let best = nodes[node * 4 + 2]!;
    for (let i = 0; i < bits; i++) {
      node = nodes[node * 4 + ((bytes[i >> 3]! >> (7 - (i & 7))) & 1)]!;
      if (node === 0) break;
      const v = nodes[node * 4 + 2]!;
      if (v !== NONE) best = v;
    }
    return best;
  }

  /** `lookupLongest` for an IPv4 address given as an unsigned 32-bit number (no object to build). */
  lookupV4(address: number): number {
    if (!this.sealed) this.seal();
    const top = address >>> 16;
    let node = this.topNode[top]!;
    let best = this.topBest[top]!;
    if (node === 0) return best;
    const nodes = this.nodes;
    for (let i = 15; i >= 0; i--) {
      node = nodes[node * 4 + ((address >>> i) & 1)]!;
      if (node === 0) break;
      const v = nodes[node * 4 + 2]!;
      if (v !== NONE) best = v;
    }
    return best;
  }

  /** Computes parents and the IPv4 top-16 table; done once after inserts, before the first lookup. */
  private seal(): void {
    // Depth-first over both roots, carrying the nearest prefix above each node.
    const nodes = this.nodes;
    const stack: number[] = [0, NONE, 1, NONE];
    while (stack.length > 0) {
      const above = stack.pop()!;
      const node = stack.pop()!;
      const v = nodes[node * 4 + 2]!;
      let carry = above;
      if (v !== NONE) {
        this.parents[v] = above;
        carry = v;
      }
      if (nodes[node * 4]) stack.push(nodes[node * 4]!, carry);
      if (nodes[node * 4 + 1]) stack.push(nodes[node * 4 + 1]!, carry);
    }
    for (let top = 0; top < 65536; top++) {
      let node = 0;
      let best = nodes[2]!;
      for (let i = 15; i >= 0; i--) {
        node = nodes[node * 4 + ((top >> i) & 1)]!;
        if (node === 0) break;
        const v = nodes[node * 4 + 2]!;
        if (v !== NONE) best = v;
      }
      this.topNode[top] = node;
      this.topBest[top] = best;
    }
    this.sealed = true;
  }

  private allocate(): number {
    if (this.size * 4 === this.nodes.length) {
      const grown = PrefixTrie.emptyNodes(this.size * 2);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    return this.size++;
  }

  private static emptyNodes(count: number): Int32Array {
    const nodes = new Int32Array(count * 4);
    for (let n = 0; n < count; n++) nodes[n * 4 + 2] = NONE;
    return nodes;
  }
}
