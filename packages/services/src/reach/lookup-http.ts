import { lookupMayConnect } from "@baken/core";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, buildConnector, fetch } from "undici";

const MAX_REDIRECTS = 5;

/**
 * At most so many requests per server per minute, across workers (the queue's domain throttle, keyed by
 * host name): answers 0 when a request may go now, else the ms to wait.
 */
export type ServerThrottle = (hosts: string[]) => Promise<number>;

export type HttpAnswer =
  | { kind: "answer"; status: number; headers: Headers; body: string; url: string }
  | { kind: "too_large"; status: number }
  | { kind: "failed"; reason: string };

/**
 * The lookups' HTTP agent: it connects only to addresses `lookupMayConnect` allows, checked on what a name
 * resolves to (and on an address written in the URL, which is never resolved), so a host name in a list cannot
 * point the worker at the CERT's own network. `ca` replaces the trusted roots (tests' own certificate).
 */
export function lookupAgent(allowedNetworks: readonly string[], tls: { ca?: string } = {}): Agent {
  const refused = (address: string) => new Error(`${address} is not a public address`);
  const connector = buildConnector({
    ...tls,
    lookup: (hostname, options, callback) =>
      dnsLookup(hostname, { ...options, all: true }, (err, found) => {
        if (err) return callback(err, []);
        const usable = (found as LookupAddress[]).filter((a) => lookupMayConnect(a.address, allowedNetworks));
        if (usable.length === 0) return callback(refused(`${hostname} (${found[0]?.address})`), []);
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      }),
  } as buildConnector.BuildOptions);
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && !lookupMayConnect(host, allowedNetworks)) return callback(refused(host), null);
      connector(options, callback);
    },
  });
}

/**
 * One GET, bounded: `timeoutMs` for the whole exchange (headers and body, every redirect), the body read up to
 * `maxBytes` (past that the answer is dropped unread: a security.txt or an RDAP answer is small). Redirects
 * are followed, as RFC 9116 and RFC 7480 allow, but never from https to http (RFC 9116 asks for HTTPS), and
 * each waits for its server's turn.
 */
export async function boundedGet(
  url: string,
  {
    timeoutMs,
    maxBytes,
    accept,
    throttle,
    agent,
  }: { timeoutMs: number; maxBytes: number; accept: string; throttle: ServerThrottle; agent: Agent },
): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  try {
    for (let hop = 0; ; hop++) {
      for (let wait = await throttle([current.host]); wait > 0; wait = await throttle([current.host]))
        await sleep(wait);
      const response = await fetch(current, { signal, redirect: "manual", headers: { accept }, dispatcher: agent });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
      if (location !== null) {
        await response.body?.cancel();
        const next = new URL(location, current);
        if (hop === MAX_REDIRECTS) return { kind: "failed", reason: `more than ${MAX_REDIRECTS} redirects` };
        if (current.protocol === "https:" && next.protocol !== "https:") {
          return { kind: "failed", reason: `redirected from https to ${next.protocol}` };
        }
        current = next;
        continue;
      }
      const declared = Number(response.headers.get("content-length") ?? NaN);
      if (declared > maxBytes) {
        await response.body?.cancel();
        return { kind: "too_large", status: response.status };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
        size += read.value.length;
        if (size > maxBytes) {
          // The rest is never read.
          await reader.cancel().catch(() => undefined);
          return { kind: "too_large", status: response.status };
        }
        chunks.push(read.value);
      }
      const body = Buffer.concat(chunks).toString("utf8");
      return { kind: "answer", status: response.status, headers: response.headers as Headers, body, url: current.href };
    }
  } catch (err) {
    if (signal.aborted) return { kind: "failed", reason: `no answer within ${timeoutMs} ms` };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "failed", reason: cause?.code ?? cause?.message ?? (err as Error).message };
  }
}

/** Runs `work` on every item, at most `limit` at once. */
export async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
