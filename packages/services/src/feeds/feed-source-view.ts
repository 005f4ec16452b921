import { SHADOWSERVER_API_URL, SHADOWSERVER_DOWNLOAD_URL } from "@baken/core";
import type { FeedPullRow, FeedSourceRow } from "@baken/db";

export const feedPullView = (p: FeedPullRow) => ({
  ...p,
  startedAt: p.startedAt.toISOString(),
  finishedAt: p.finishedAt?.toISOString() ?? null,
});

/**
 * A feed source as the API shows it: never its credentials (only whether it has them and the API key's last
 * characters), with the addresses it uses and when it pulls next.
 */
export function feedSourceView(s: FeedSourceRow, extra: { lastPull: FeedPullRow | null; nextPullAt: Date | null }) {
  const pulled = s.kind === "shadowserver";
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    enabled: s.enabled,
    hasCredentials: s.credentials !== null,
    apiKeyHint: s.apiKeyHint,
    apiUrl: pulled ? (s.apiUrl ?? SHADOWSERVER_API_URL) : null,
    downloadUrl: pulled ? (s.downloadUrl ?? SHADOWSERVER_DOWNLOAD_URL) : null,
    reportTypes: s.reportTypes,
    mailingLists: s.mailingLists,
    schedule: s.schedule,
    lookbackDays: s.lookbackDays,
    tlp: s.tlp,
    rules: s.rules,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    lastPull: extra.lastPull && feedPullView(extra.lastPull),
    nextPullAt: extra.nextPullAt?.toISOString() ?? null,
  };
}
export type FeedSourceView = ReturnType<typeof feedSourceView>;
