export { enhancedStatusIn, statusOfReply, isPermanentStatus, isTemporaryStatus } from "./smtp-status.ts";
export {
  VERP_TAG_LENGTH,
  bounceMailbox,
  verpReturnPath,
  verpTagOf,
  isWellFormedVerpTag,
  noticeIdOfVerpTag,
  noticeIdOfVerpAddress,
  type BounceMailbox,
} from "./verp-tag.ts";
export {
  isPermanentFailure,
  isTemporaryFailure,
  isArrival,
  type OutcomeKind,
  type DeliveryOutcome,
  type RecipientOutcome,
} from "./delivery-outcome.ts";
export {
  contactDeliverability,
  TEMPORARY_FAILURES_LIMIT,
  TEMPORARY_SPAN_MS,
  type Deliverability,
} from "./contact-deliverability.ts";
export { noticeReach, type NoticeReach, type RecipientReach } from "./notice-reach.ts";
export {
  smtpSendOutcomes,
  type SmtpSendInfo,
  type SmtpReplyError,
  type SmtpSendOutcomes,
} from "./smtp-send-outcomes.ts";
export { matchRecipient } from "./match-recipient.ts";
