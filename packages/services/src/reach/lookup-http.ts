import { setTimeout as sleep } from "node:timers/promises";

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
 * One GET, bounded: `timeoutMs` for the whole exchange (headers and body), the body read up to `maxBytes`
 * (past that the answer is dropped unread: a security.txt or an RDAP answer is small). Redirects are
 * followed, as RFC 9116 and RFC 7480 allow. Waits for the server's turn first.
 */
export async function boundedGet(
  url: string,
  {
    timeoutMs,
    maxBytes,
    accept,
    throttle,
  }: { timeoutMs: number; maxBytes: number; accept: string; throttle: ServerThrottle },
): Promise<HttpAnswer> {
  const host = new URL(url).host;
  for (let wait = await throttle([host]); wait > 0; wait = await throttle([host])) await sleep(wait);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, redirect: "follow", headers: { accept } });
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
    return { kind: "answer", status: response.status, headers: response.headers, body, url: response.url || url };
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
