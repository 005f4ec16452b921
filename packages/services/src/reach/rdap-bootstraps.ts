import { parseRdapBootstrap, type RdapBootstrap } from "@baken/core";
import type { boundedGet } from "./lookup-http.ts";

/** IANA's bootstrap files change a few times a year: read again after a day. */
const BOOTSTRAP_TTL_MS = 86_400_000;
const bootstraps = new Map<string, { at: number; value: Promise<RdapBootstrap> }>();

/** IANA's bootstrap file of a kind (`<base>ipv4.json`, `ipv6.json`, `asn.json`), kept a day per process; a failure is not kept. */
export function loadBootstrap(
  base: string,
  kind: RdapBootstrap["kind"],
  get: (url: string) => ReturnType<typeof boundedGet>,
): Promise<RdapBootstrap> {
  const url = `${base}${kind}.json`;
  const hit = bootstraps.get(url);
  if (hit && Date.now() - hit.at < BOOTSTRAP_TTL_MS) return hit.value;
  const value = (async () => {
    const answer = await get(url);
    if (answer.kind !== "answer" || answer.status !== 200) {
      const why = answer.kind === "failed" ? answer.reason : `HTTP ${answer.status}`;
      throw new Error(`RDAP bootstrap registry ${url}: ${why}`);
    }
    return parseRdapBootstrap(JSON.parse(answer.body), kind);
  })();
  value.catch(() => bootstraps.delete(url));
  bootstraps.set(url, { at: Date.now(), value });
  return value;
}
