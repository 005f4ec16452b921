import { confirmReport } from "./confirm-report.ts";
import { deliverNoticeHandler } from "./deliver-notice.ts";
import type { Handlers } from "./handler.ts";
import { importRipeHandler } from "./import-ripe.ts";
import { lookupContactsHandler } from "./lookup-contacts.ts";
import { pullFeedHandler } from "./pull-feed.ts";
import { remindCampaignHandler } from "./remind-campaign.ts";
import { replyReport } from "./reply-report.ts";

export type { Handler, Handlers } from "./handler.ts";

export const handlers: Handlers = {
  "deliver-notice": deliverNoticeHandler,
  "confirm-report": confirmReport,
  "reply-report": replyReport,
  "remind-campaign": remindCampaignHandler,
  "pull-feed": pullFeedHandler,
  "import-ripe": importRipeHandler,
  "lookup-contacts": lookupContactsHandler,
};
