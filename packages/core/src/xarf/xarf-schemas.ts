// The vendored X-ARF v4 schemas (schemas/SOURCE.md), imported so that a bundle carries them and nothing
// reads files at run time. Every type schema is listed: the master schema refers to all of them.
import xarfCore from "./schemas/xarf-core.json" with { type: "json" };
import xarfV4Master from "./schemas/xarf-v4-master.json" with { type: "json" };
import connectionDdos from "./schemas/types/connection-ddos.json" with { type: "json" };
import connectionInfectedHost from "./schemas/types/connection-infected-host.json" with { type: "json" };
import connectionLoginAttack from "./schemas/types/connection-login-attack.json" with { type: "json" };
import connectionPortScan from "./schemas/types/connection-port-scan.json" with { type: "json" };
import connectionReconnaissance from "./schemas/types/connection-reconnaissance.json" with { type: "json" };
import connectionScraping from "./schemas/types/connection-scraping.json" with { type: "json" };
import connectionSqlInjection from "./schemas/types/connection-sql-injection.json" with { type: "json" };
import connectionVulnerabilityScan from "./schemas/types/connection-vulnerability-scan.json" with { type: "json" };
import contentBase from "./schemas/types/content-base.json" with { type: "json" };
import contentBrandInfringement from "./schemas/types/content-brand_infringement.json" with { type: "json" };
import contentCsam from "./schemas/types/content-csam.json" with { type: "json" };
import contentCsem from "./schemas/types/content-csem.json" with { type: "json" };
import contentExposedData from "./schemas/types/content-exposed-data.json" with { type: "json" };
import contentFraud from "./schemas/types/content-fraud.json" with { type: "json" };
import contentMalware from "./schemas/types/content-malware.json" with { type: "json" };
import contentPhishing from "./schemas/types/content-phishing.json" with { type: "json" };
import contentRemoteCompromise from "./schemas/types/content-remote_compromise.json" with { type: "json" };
import contentSuspiciousRegistration from "./schemas/types/content-suspicious_registration.json" with { type: "json" };
import copyrightCopyright from "./schemas/types/copyright-copyright.json" with { type: "json" };
import copyrightCyberlocker from "./schemas/types/copyright-cyberlocker.json" with { type: "json" };
import copyrightLinkSite from "./schemas/types/copyright-link-site.json" with { type: "json" };
import copyrightP2p from "./schemas/types/copyright-p2p.json" with { type: "json" };
import copyrightUgcPlatform from "./schemas/types/copyright-ugc-platform.json" with { type: "json" };
import copyrightUsenet from "./schemas/types/copyright-usenet.json" with { type: "json" };
import infrastructureBotnet from "./schemas/types/infrastructure-botnet.json" with { type: "json" };
import infrastructureCompromisedServer from "./schemas/types/infrastructure-compromised-server.json" with { type: "json" };
import messagingBulkMessaging from "./schemas/types/messaging-bulk-messaging.json" with { type: "json" };
import messagingSpam from "./schemas/types/messaging-spam.json" with { type: "json" };
import reputationBlocklist from "./schemas/types/reputation-blocklist.json" with { type: "json" };
import reputationThreatIntelligence from "./schemas/types/reputation-threat-intelligence.json" with { type: "json" };
import vulnerabilityCve from "./schemas/types/vulnerability-cve.json" with { type: "json" };
import vulnerabilityMisconfiguration from "./schemas/types/vulnerability-misconfiguration.json" with { type: "json" };
import vulnerabilityOpenService from "./schemas/types/vulnerability-open-service.json" with { type: "json" };

export const XARF_MASTER_SCHEMA: object = xarfV4Master;

/** Every schema with an $id, for the validator to resolve $ref between files. */
export const XARF_SCHEMAS: object[] = [
  xarfCore,
  connectionDdos,
  connectionInfectedHost,
  connectionLoginAttack,
  connectionPortScan,
  connectionReconnaissance,
  connectionScraping,
  connectionSqlInjection,
  connectionVulnerabilityScan,
  contentBase,
  contentBrandInfringement,
  contentCsam,
  contentCsem,
  contentExposedData,
  contentFraud,
  contentMalware,
  contentPhishing,
  contentRemoteCompromise,
  contentSuspiciousRegistration,
  copyrightCopyright,
  copyrightCyberlocker,
  copyrightLinkSite,
  copyrightP2p,
  copyrightUgcPlatform,
  copyrightUsenet,
  infrastructureBotnet,
  infrastructureCompromisedServer,
  messagingBulkMessaging,
  messagingSpam,
  reputationBlocklist,
  reputationThreatIntelligence,
  vulnerabilityCve,
  vulnerabilityMisconfiguration,
  vulnerabilityOpenService,
];
