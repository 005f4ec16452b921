export type { BounceVerdict, DsnAction, ReportedRecipient, ReportLayout } from "./bounce-verdict.ts";
export { readBounce, type ReadBounceOptions } from "./read-bounce.ts";
export { verdictOutcomes } from "./verdict-outcomes.ts";
export {
  startBounceListener,
  type BounceListener,
  type BounceListenerOptions,
  type InboundMessage,
} from "./bounce-listener.ts";
