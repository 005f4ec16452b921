import type { ReachAnswer, ReachAsnRow, ReachKind, ReachPrefixRow } from "@baken/core";
import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { CopyWriter } from "../lists/copy-text.ts";
import { clientOf, rows, type Conn, type Tx } from "../transaction.ts";

const ANSWER = ["mailbox", "kind", "source", "name", "role", "org", "org_name"] as const;

/** COPYs an import's prefixes, then its ASNs, in the import's transaction; answers how many of each. */
export async function copyRipeRows(
  tx: Tx,
  importId: number,
  data: { prefixes: Iterable<ReachPrefixRow>; asns: Iterable<ReachAsnRow> },
): Promise<{ prefixCount: number; asnCount: number }> {
  const prefixes = openRipeRowCopy(tx, importId, "ripe_prefix");
  for (const r of data.prefixes) {
    prefixes.add(r.cidr, r);
    if (prefixes.full) await prefixes.flush();
  }
  const prefixCount = await prefixes.end();
  const asns = openRipeRowCopy(tx, importId, "ripe_asn");
  for (const r of data.asns) {
    asns.add(r.asn, r);
    if (asns.full) await asns.flush();
  }
  return { prefixCount, asnCount: await asns.end() };
}

/** A COPY of an import's rows into "ripe_prefix" (key: cidr) or "ripe_asn" (key: asn), fed a row at a time. */
export type RipeRowCopy = {
  add(key: string | number, answer: ReachAnswer): void;
  /** When full, await `flush` before adding more. */
  readonly full: boolean;
  flush(): Promise<void>;
  /** Ends the COPY; answers the rows written. */
  end(): Promise<number>;
};

/** Opens a COPY of rows in the import's transaction (on error, the transaction's rollback ends it). */
export function openRipeRowCopy(tx: Tx, importId: number, table: "ripe_prefix" | "ripe_asn"): RipeRowCopy {
  const key = table === "ripe_prefix" ? "cidr" : "asn";
  const columns = ["import_id", key, ...ANSWER].map((c) => `"${c}"`).join(", ");
  const copy = clientOf(tx).query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`));
  const done = finished(copy);
  done.catch(() => {});
  const out = new CopyWriter(copy);
  let count = 0;
  const failing = async <T>(step: Promise<T>): Promise<T> => {
    try {
      return await step;
    } catch (err) {
      copy.destroy(err instanceof Error ? err : new Error(String(err)));
      await done.catch(() => {});
      throw err;
    }
  };
  return {
    add(k, r) {
      out.line([importId, k, r.mailbox, r.kind, r.source, r.name, r.role, r.org, r.orgName]);
      count++;
    },
    get full() {
      return out.full;
    },
    flush: () => failing(out.flush()),
    end: () =>
      failing(
        out
          .end()
          .then(() => done)
          .then(() => count),
      ),
  };
}

/** A stored range's or ASN's abuse contact, with where it comes from. */
export type NetworkAbuseContact = {
  mailbox: string;
  /** ripe: the RIPE database import (later also rdap: an RDAP answer). */
  source: "ripe";
  /** The RIPE object whose abuse-c this is, its type and netname. */
  object: string;
  kind: ReachKind;
  name: string | null;
  /** The most specific stored prefixes covering the addresses (each once). */
  cidrs: string[];
  /** Which of the addresses asked about it covers (as given). */
  addresses: string[];
};

/**
 * The network's abuse contact for some addresses (a notice's hosts): for each address (or network, as
 * `inet` text) the most specific stored prefix of the active import that covers it, grouped by mailbox,
 * the mailbox covering most addresses first. Addresses no range covers are left out; none: []. For
 * redirecting a notice whose registered contacts bounced, and for the coverage pages.
 */
export async function networkAbuseContacts(conn: Conn, addresses: string[]): Promise<NetworkAbuseContact[]> {
  if (addresses.length === 0) return [];
  const found = await rows<
    Omit<NetworkAbuseContact, "addresses" | "source" | "cidrs"> & { address: string; cidr: string }
  >(
    conn,
    `SELECT DISTINCT ON (a."given") a."given" AS "address", p."cidr"::text AS "cidr", p."mailbox",
            p."kind", p."source" AS "object", p."name"
       FROM unnest($1::text[]) AS a("given")
       CROSS JOIN LATERAL (SELECT a."given"::inet AS "addr") v
       JOIN "ripe_import" i ON i."active"
       CROSS JOIN LATERAL generate_series(0, masklen(v."addr")) AS n("bits")
       JOIN "ripe_prefix" p ON p."import_id" = i."id" AND p."cidr" = network(set_masklen(v."addr", n."bits"))
      ORDER BY a."given", n."bits" DESC`,
    [addresses],
  );
  const byMailbox = new Map<string, NetworkAbuseContact>();
  for (const f of found) {
    const known = byMailbox.get(f.mailbox);
    if (known) {
      known.addresses.push(f.address);
      if (!known.cidrs.includes(f.cidr)) known.cidrs.push(f.cidr);
    } else {
      const { address, cidr, ...rest } = f;
      byMailbox.set(f.mailbox, { ...rest, source: "ripe", cidrs: [cidr], addresses: [address] });
    }
  }
  return [...byMailbox.values()].sort((a, b) => b.addresses.length - a.addresses.length);
}
