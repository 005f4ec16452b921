// Feeds (issue 17): sources of reports pulled on a schedule or pushed, and how their runs went.
import { call } from "./http.ts";
import type { Feed, FeedDetail, FeedInput, FeedPatch } from "./types.ts";

export async function listFeeds(): Promise<Feed[]> {
  return (await call("get", "/api/feeds/")).feeds;
}

export const getFeed = (id: string): Promise<FeedDetail> => call("get", "/api/feeds/{id}", { params: { id } });
export const createFeed = (body: FeedInput): Promise<FeedDetail> => call("post", "/api/feeds/", { body });
export const updateFeed = (id: string, body: FeedPatch): Promise<FeedDetail> =>
  call("patch", "/api/feeds/{id}", { params: { id }, body });
export const deleteFeed = (id: string) => call("delete", "/api/feeds/{id}", { params: { id } });
/** A pull now; `queued: false` when one waits or runs already. */
export const pullFeed = (id: string) => call("post", "/api/feeds/{id}/pull", { params: { id } });
