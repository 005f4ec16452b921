export { SmtpSink, type CaughtMail, type Responder } from "./smtp-sink.ts";
export { waitFor } from "./wait-for.ts";
export { deliveryReport, type ReportedFailure } from "./delivery-report.ts";
export { ShadowserverStub, type StubReport, type StubRequest } from "./shadowserver-stub.ts";
export { MailCatcher, type MessageSummary } from "./mail-catcher.ts";
export { startProcess, runProcess, type RunningProcess, type Exit } from "./process.ts";
export * from "./builder/index.ts";
export {
  demoScenario,
  seedCampaign,
  seedScenario,
  type Scenario,
  type SeedContact,
  type SeedHost,
  type SeedOrg,
} from "./seed/campaign-hosts.ts";
export {
  planPastCampaign,
  seedPastCampaign,
  type PastCampaignOptions,
  type PastCampaignPlan,
  type PastHost,
  type PastOrganization,
  type PastReply,
} from "./seed/past-campaign.ts";
