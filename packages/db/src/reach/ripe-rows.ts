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
  const line = (key: string | number, r: ReachAnswer) => [
    importId,
    key,
    r.mailbox,
    r.kind,
    r.source,
    r.name,
    r.role,
    r.org,
    r.orgName,
  ];
  const prefixCount = await copyInto(tx, "ripe_prefix", "cidr", data.prefixes, (r) => line(r.cidr, r));
  const asnCount = await copyInto(tx, "ripe_asn", "asn", data.asns, (r) => line(r.asn, r));
  return { prefixCount, asnCount };
}

async function copyInto<R>(
  tx: Tx,
  table: string,
  key: string,
  source: Iterable<R>,
  values: (r: R) => (string | number | null)[],
): Promise<number> {
  const columns = ["import_id", key, ...ANSWER].map((c) => `"${c}"`).join(", ");
  const copy = clientOf(tx).query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`));
  const done = finished(copy);
  done.catch(() => {});
  let count = 0;
  try {
    const out = new CopyWriter(copy);
    for (const r of source) {
      out.line(values(r));
      count++;
      if (out.full) await out.flush();
    }
    await out.end();
    await done;
    return count;
  } catch (err) {
    copy.destroy(err instanceof Error ? err : new Error(String(err)));
    await done.catch(() => {});
    throw err;
  }
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
