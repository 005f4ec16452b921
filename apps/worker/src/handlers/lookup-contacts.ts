import { lookupListContacts } from "@baken/services";
import type { Handler } from "./handler.ts";

/** A list's online contact lookups; a failure (the database away) is retried, the cache keeping what was read. */
export const lookupContactsHandler: Handler<"lookup-contacts"> = async (ctx, data) =>
  lookupListContacts(ctx, data, { throttle: ctx.lookupThrottle });
