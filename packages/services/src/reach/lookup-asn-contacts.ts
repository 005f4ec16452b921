import {
  fallbackLanguage,
  parseIp,
  parseRdapAutnum,
  RDAP_TTL,
  rdapQueryUrl,
  rdapServersForAsn,
  type FallbackData,
  type IpAddress,
  type RdapBootstrap,
} from "@baken/core";
import { listLookupAsns, rdapAsnDue, saveRdapAsnLookup, type RdapAsnLookupRow } from "@baken/db";
import type { Ctx } from "../context.ts";
import { forEachBounded, type HttpAnswer } from "./lookup-http.ts";

/** An RDAP answer is JSON of a few KB; a megabyte is not one. */
export const RDAP_MAX_BYTES = 1024 * 1024;

type Get = (url: string, maxBytes: number, accept: string) => Promise<HttpAnswer>;

/**
 * RDAP for AS numbers (RFC 9083 autnum, at the server IANA's `asn.json` names), for the rows of a list
 * whose address reaches no abuse contact (`reached`: the RIPE data, RDAP's networks) or that have none,
 * and whose ASN the RIPE import has no contact for. Cached per AS block, found or not, with the same TTLs
 * as the networks (rdap_asn_lookup): a block answered is not asked again until it expires. The numbers of
 * one block are asked one after another for that reason.
 */
export async function lookupAsnContacts(
  ctx: Pick<Ctx, "db" | "config">,
  input: {
    listId: string;
    /** The fallback the job began with (loading it again after the networks' answers would cost seconds). */
    fallback: FallbackData;
    reached: (ip: IpAddress) => boolean;
    bootstrap: () => Promise<RdapBootstrap>;
    get: Get;
    problems: string[];
  },
): Promise<{ asns: number; queries: number; found: number }> {
  const options = ctx.config.contactLookup;
  const { fallback } = input;
  const wanted = new Set<number>();
  for (const row of await listLookupAsns(ctx.db, input.listId)) {
    if (fallback.asns.get(row.asn)?.source === "ripe") continue;
    const ip = row.ip === null ? null : parseIp(row.ip);
    if (ip && input.reached(ip)) continue;
    wanted.add(row.asn);
  }
  const due = (await rdapAsnDue(ctx.db, [...wanted])).sort((a, b) => a - b);
  const result = { asns: wanted.size, queries: 0, found: 0 };
  if (due.length === 0) return result;
  let bootstrap: RdapBootstrap;
  try {
    bootstrap = await input.bootstrap();
  } catch (err) {
    const problem = (err as Error).message;
    if (!input.problems.includes(problem)) input.problems.push(problem);
    return result;
  }
  const answered: [number, number][] = [];
  // Neighbouring numbers (the same 1024) are asked one after another, so the block the first one's answer
  // names spares the others; groups run side by side.
  const groups = new Map<number, number[]>();
  for (const asn of due) {
    const group = groups.get(Math.floor(asn / 1024));
    if (group) group.push(asn);
    else groups.set(Math.floor(asn / 1024), [asn]);
  }
  await forEachBounded([...groups.values()], options.concurrency, async (group) => {
    for (const asn of group) await askOne(asn);
  });
  return result;

  async function askOne(asn: number): Promise<void> {
    if (answered.some(([a, b]) => a <= asn && asn <= b)) return;
    const now = new Date();
    type Answer = Pick<RdapAsnLookupRow, "url" | "outcome" | "expiresAt"> & Partial<RdapAsnLookupRow>;
    const save = async (row: Answer) => {
      const none = { mailbox: null, handle: null, name: null, country: null, abusePath: null, language: null };
      const block = { firstAsn: asn, lastAsn: asn };
      const saved = { query: asn, ...none, ...block, reason: null, fetchedAt: now, ...row };
      await saveRdapAsnLookup(ctx.db, saved);
      answered.push([saved.firstAsn, saved.lastAsn]);
    };
    const negative = after(now, options.negativeTtlMs);
    const servers = rdapServersForAsn(bootstrap, asn);
    if (servers.length === 0) {
      const reason = "no RDAP server for this AS number in the IANA bootstrap registry";
      return save({ url: "", outcome: "unusable", reason, expiresAt: negative });
    }
    const url = rdapQueryUrl(servers[0]!, { asn });
    result.queries++;
    const answer = await input.get(url, RDAP_MAX_BYTES, "application/rdap+json, application/json");
    if (answer.kind === "failed" || (answer.kind === "answer" && (answer.status >= 500 || answer.status === 429))) {
      const reason = answer.kind === "failed" ? answer.reason : `HTTP ${answer.status}`;
      return save({ url, outcome: "failed", reason, expiresAt: after(now, RDAP_TTL.failureSeconds * 1000) });
    }
    const unusable = (reason: string) => save({ url, outcome: "unusable", reason, expiresAt: negative });
    if (answer.kind === "too_large") return unusable(`larger than ${RDAP_MAX_BYTES} bytes`);
    if (answer.status !== 200) return unusable(`HTTP ${answer.status}`);
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      return unusable("not JSON");
    }
    const h = answer.headers;
    const parsed = parseRdapAutnum(json, {
      cacheControl: h.get("cache-control"),
      expires: h.get("expires"),
      date: h.get("date"),
    });
    if (!parsed.ok) return unusable(parsed.reason);
    const autnum = parsed.value;
    // A block that does not hold the number asked is the server's mistake: kept for that number only.
    const holds = autnum.first <= asn && asn <= autnum.last;
    const described = {
      url: answer.url,
      firstAsn: holds ? autnum.first : asn,
      lastAsn: holds ? autnum.last : asn,
      handle: autnum.handle,
      name: autnum.name,
      country: autnum.country,
      expiresAt: after(now, autnum.ttlSeconds * 1000),
    };
    if (!autnum.abuse) {
      return save({ ...described, outcome: "unusable", reason: "no entity with the abuse role and an e-mail" });
    }
    result.found++;
    await save({
      ...described,
      outcome: "found",
      mailbox: autnum.abuse.mailboxes[0]!,
      abusePath: autnum.abuse.path.join(" > "),
      language: fallbackLanguage([], autnum.country, ctx.config.noticeLanguageByCountry),
    });
  }
}

const after = (now: Date, ms: number) => new Date(now.getTime() + ms);
