import {
  domainCountry,
  fallbackLanguage,
  parseCidr,
  parseIp,
  parseRdapIpNetwork,
  parseSecurityTxt,
  PrefixMapBuilder,
  RDAP_TTL,
  rdapQueryUrl,
  rdapServersForIp,
  registeredDomain,
  SECURITY_TXT_MAX_BYTES,
  securityTxtUrls,
  type Cidr,
  type IpAddress,
  type RdapBootstrap,
} from "@baken/core";
import {
  listLookupTargets,
  lockList,
  markContactsLookedUp,
  rdapCoveredPrefixes,
  rematchRows,
  saveRdapLookup,
  saveSecurityTxtLookup,
  securityTxtDue,
  syncCampaignHosts,
  withTransaction,
  type RdapLookupRow,
} from "@baken/db";
import type { Ctx } from "../context.ts";
import { getFallback, getMatcher } from "../registry/load-matcher.ts";
import type { Agent } from "undici";
import { lookupAsnContacts, RDAP_MAX_BYTES } from "./lookup-asn-contacts.ts";
import { boundedGet, forEachBounded, lookupAgent, type ServerThrottle } from "./lookup-http.ts";
import { loadBootstrap } from "./rdap-bootstraps.ts";

export type ContactLookupResult = {
  listId: string;
  /** Registered domains asked for their security.txt (the others had an answer still valid). */
  securityTxt: { domains: number; fetched: number; found: number };
  /** Addresses outside the RIPE data; RDAP queries made; networks with an abuse contact found. */
  rdap: { addresses: number; queries: number; found: number };
  /** AS numbers of rows whose address reached no one (or that have none), outside the RIPE data; queries; found. */
  rdapAsn: { asns: number; queries: number; found: number };
  /** What kept a lookup from running at all (an unreachable bootstrap registry). */
  problems: string[];
  /** The list's exposures that changed owner when matched again with the answers. */
  changed: number;
};

/** `agent`: the lookups' HTTP agent (tests pass one trusting their own certificate); else one of config's. */
export type LookupDeps = { throttle: ServerThrottle; agent: Agent };

const noThrottle: ServerThrottle = async () => 0;

/**
 * The online lookups after a list's upload (CONTACT_LOOKUP_ONLINE), then the list matched again so its
 * matches and coverage include what they found. For the hosts no registered organization reaches: each
 * hostname's registered domain's security.txt (RFC 9116), and, for each address outside the RIPE data,
 * RDAP (RFC 9083) at the server the IANA bootstrap names. Every answer is cached with its TTL, found or
 * not (security_txt_lookup, rdap_lookup), so a domain or network is asked once per TTL whatever the
 * number of lists; a job that crashed half-way asks only for what it had not stored. Requests: at most
 * `concurrency` at once, and a rate per server (the throttle).
 */
export async function lookupListContacts(
  ctx: Pick<Ctx, "db" | "config">,
  { listId }: { listId: string },
  { throttle = noThrottle, agent }: Partial<LookupDeps> = {},
): Promise<ContactLookupResult> {
  const own = agent ?? lookupAgent(ctx.config.contactLookup.allowedNetworks);
  try {
    return await lookupWith(ctx, listId, { throttle, agent: own });
  } finally {
    if (!agent) await own.close();
  }
}

async function lookupWith(
  ctx: Pick<Ctx, "db" | "config">,
  listId: string,
  { throttle, agent }: LookupDeps,
): Promise<ContactLookupResult> {
  const options = ctx.config.contactLookup;
  const targets = await listLookupTargets(ctx.db, listId);
  const problems: string[] = [];
  const get = (url: string, maxBytes: number, accept: string) =>
    boundedGet(url, { timeoutMs: options.timeoutMs, maxBytes, accept, throttle, agent });

  // security.txt, per registered domain.
  const domains = [...new Set(targets.hostnames.map((h) => registeredDomain(h.toLowerCase())))].filter(
    (d): d is string => d !== null && securityTxtUrls(d).length > 0,
  );
  const dueDomains = await securityTxtDue(ctx.db, domains);
  const securityTxt = { domains: domains.length, fetched: 0, found: 0 };
  await forEachBounded(dueDomains, options.concurrency, async (domain) => {
    const canonical = securityTxtUrls(domain)[0]!;
    const url = options.securityTxtBaseUrl
      ? `${options.securityTxtBaseUrl}/${domain}/.well-known/security.txt`
      : canonical;
    const answer = await get(url, SECURITY_TXT_MAX_BYTES, "text/plain");
    const now = new Date();
    const row = { domain, url, mailbox: null, languages: [], language: null, fileExpires: null, fetchedAt: now };
    securityTxt.fetched++;
    if (answer.kind === "failed" || (answer.kind === "answer" && answer.status >= 500)) {
      const reason = answer.kind === "failed" ? answer.reason : `HTTP ${answer.status}`;
      await saveSecurityTxtLookup(ctx.db, {
        ...row,
        outcome: "failed",
        reason,
        expiresAt: after(now, options.failureTtlMs),
      });
      return;
    }
    const unusable = (reason: string) =>
      saveSecurityTxtLookup(ctx.db, {
        ...row,
        outcome: "unusable",
        reason,
        expiresAt: after(now, options.negativeTtlMs),
      });
    if (answer.kind === "too_large") return unusable(`larger than ${SECURITY_TXT_MAX_BYTES} bytes`);
    if (answer.status !== 200) return unusable(`HTTP ${answer.status}`);
    const parsed = parseSecurityTxt(answer.body, { now, url: canonical });
    if (!parsed.usable) return unusable(parsed.reason);
    securityTxt.found++;
    const fileExpires = new Date(parsed.expires);
    await saveSecurityTxtLookup(ctx.db, {
      ...row,
      outcome: "found",
      mailbox: parsed.mailboxes[0]!,
      languages: parsed.languages,
      language: fallbackLanguage(parsed.languages, domainCountry(domain), ctx.config.noticeLanguageByCountry),
      fileExpires,
      reason: parsed.warnings.length > 0 ? parsed.warnings.join("; ") : null,
      expiresAt: new Date(Math.min(after(now, options.ttlMs).getTime(), fileExpires.getTime())),
    });
  });

  // RDAP, per network, for the addresses the RIPE data leaves without a contact.
  const fallback = await getFallback(ctx);
  const known = new PrefixMapBuilder();
  for (const cidr of await rdapCoveredPrefixes(ctx.db)) {
    const parsed = parseCidr(cidr);
    if (parsed.ok) known.add(parsed.cidr, 0);
  }
  const cached = known.build();
  const addresses = targets.ips
    .map((text) => parseIp(text))
    .filter((ip): ip is IpAddress => {
      if (!ip) return false;
      const at = fallback.prefixes.lookup(ip);
      return (at < 0 || fallback.prefixAnswers.at(at)!.source !== "ripe") && cached.lookup(ip) < 0;
    });
  const rdap = { addresses: addresses.length, queries: 0, found: 0 };
  // Addresses of one /24 (/48) are asked one after another, so the network the first one's answer names
  // spares the others; blocks run side by side.
  const blocks = new Map<string, IpAddress[]>();
  for (const ip of addresses) {
    const key = ip.bytes.slice(0, ip.version === 4 ? 3 : 6).join(".");
    const block = blocks.get(key);
    if (block) block.push(ip);
    else blocks.set(key, [ip]);
  }
  const answered: Cidr[] = [];
  // The networks found now: their addresses need no ASN's contact.
  const found = new PrefixMapBuilder();
  const bootstrapOf = (kind: RdapBootstrap["kind"]) =>
    loadBootstrap(options.rdapBootstrapUrl, kind, (url) => get(url, 16 * RDAP_MAX_BYTES, "application/json"));
  await forEachBounded([...blocks.values()], options.concurrency, async (block) => {
    for (const ip of block) {
      if (answered.some((c) => contains(c, ip))) continue;
      let bootstrap: RdapBootstrap;
      try {
        bootstrap = await bootstrapOf(ip.version === 4 ? "ipv4" : "ipv6");
      } catch (err) {
        const problem = (err as Error).message;
        if (!problems.includes(problem)) problems.push(problem);
        return;
      }
      const servers = rdapServersForIp(bootstrap, ip);
      const single = `${ip.text}/${ip.version === 4 ? 32 : 128}`;
      const now = new Date();
      type Answer = Pick<RdapLookupRow, "url" | "outcome" | "prefixes" | "expiresAt"> & Partial<RdapLookupRow>;
      const save = async (row: Answer) => {
        const none = { mailbox: null, handle: null, name: null, country: null, abusePath: null, language: null };
        await saveRdapLookup(ctx.db, { query: ip.text, ...none, reason: null, fetchedAt: now, ...row });
        for (const p of row.prefixes) {
          const parsed = parseCidr(p);
          if (parsed.ok) answered.push(parsed.cidr);
        }
      };
      if (servers.length === 0) {
        await save({
          url: "",
          outcome: "unusable",
          prefixes: [single],
          reason: "no RDAP server for this address in the IANA bootstrap registry",
          expiresAt: after(now, options.negativeTtlMs),
        });
        continue;
      }
      const url = rdapQueryUrl(servers[0]!, { ip });
      rdap.queries++;
      const answer = await get(url, RDAP_MAX_BYTES, "application/rdap+json, application/json");
      if (answer.kind === "failed" || (answer.kind === "answer" && (answer.status >= 500 || answer.status === 429))) {
        const reason = answer.kind === "failed" ? answer.reason : `HTTP ${answer.status}`;
        await save({
          url,
          outcome: "failed",
          prefixes: [single],
          reason,
          expiresAt: after(now, RDAP_TTL.failureSeconds * 1000),
        });
        continue;
      }
      const unusable = (reason: string, prefixes = [single]) =>
        save({ url, outcome: "unusable", prefixes, reason, expiresAt: after(now, options.negativeTtlMs) });
      if (answer.kind === "too_large") {
        await unusable(`larger than ${RDAP_MAX_BYTES} bytes`);
        continue;
      }
      if (answer.status !== 200) {
        await unusable(`HTTP ${answer.status}`);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(answer.body);
      } catch {
        await unusable("not JSON");
        continue;
      }
      const h = answer.headers;
      const parsed = parseRdapIpNetwork(json, {
        cacheControl: h.get("cache-control"),
        expires: h.get("expires"),
        date: h.get("date"),
      });
      if (!parsed.ok) {
        await unusable(parsed.reason);
        continue;
      }
      const network = parsed.value;
      const described = {
        url: answer.url,
        prefixes: network.prefixes,
        handle: network.handle,
        name: network.name,
        country: network.country,
        expiresAt: after(now, network.ttlSeconds * 1000),
      };
      if (!network.abuse) {
        await save({ ...described, outcome: "unusable", reason: "no entity with the abuse role and an e-mail" });
        continue;
      }
      rdap.found++;
      await save({
        ...described,
        outcome: "found",
        mailbox: network.abuse.mailboxes[0]!,
        abusePath: network.abuse.path.join(" > "),
        language: fallbackLanguage([], network.country, ctx.config.noticeLanguageByCountry),
      });
      for (const p of network.prefixes) {
        const parsed = parseCidr(p);
        if (parsed.ok) found.add(parsed.cidr, 0);
      }
    }
  });

  // RDAP for the AS numbers of the rows whose address still reaches no one.
  const foundNow = found.build();
  const rdapAsn = await lookupAsnContacts(ctx, {
    listId,
    fallback,
    reached: (ip) => fallback.prefixes.lookup(ip) >= 0 || foundNow.lookup(ip) >= 0,
    bootstrap: () => bootstrapOf("asn"),
    get,
    problems,
  });

  // Matched again with what was found (the fallback's version moved), before anyone makes a campaign of it.
  const matcher = await getMatcher(ctx);
  const changed = await withTransaction(ctx.db, async (tx) => {
    const list = await lockList(tx, listId);
    if (!list) return 0;
    const result = await rematchRows(tx, listId, matcher);
    if (list.campaignId) await syncCampaignHosts(tx, { campaignId: list.campaignId, listId });
    await markContactsLookedUp(tx, listId);
    return result.changed;
  });
  return { listId, securityTxt, rdap, rdapAsn, problems, changed };
}

const after = (now: Date, ms: number) => new Date(now.getTime() + ms);

function contains(c: Cidr, ip: IpAddress): boolean {
  if (c.version !== ip.version) return false;
  for (let i = 0; i < c.bits; i++) {
    const mask = 0x80 >> (i & 7);
    if ((c.bytes[i >> 3]! & mask) !== (ip.bytes[i >> 3]! & mask)) return false;
  }
  return true;
}
