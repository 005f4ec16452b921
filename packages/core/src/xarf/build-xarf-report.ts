import { createHash, randomUUID } from "node:crypto";
import { extractCves } from "../classification/cve.ts";
import { rsitLabel } from "../reports/i18n/index.ts";
import { tlpLabel } from "../tlp.ts";
import type { XarfCampaignInput, XarfHostInput, XarfReporterInput } from "./xarf-input.ts";
import { xarfKindFor, type XarfKind } from "./xarf-kind.ts";
import { xarfReportId } from "./xarf-report-id.ts";
import { validateXarf, type XarfProblem } from "./validate-xarf.ts";
import { xarfTags } from "./xarf-tags.ts";

/** The X-ARF version of the vendored schemas (their examples say 4.2.0; the schema takes any 4.x.y). */
export const XARF_VERSION = "4.2.0";

export type XarfReport = XarfKind & { report_id: string; source_identifier: string } & Record<string, unknown>;

export type BuiltXarf = { ok: true; report: XarfReport } | { ok: false; reason: string; problems?: XarfProblem[] };

export type BuildXarfInput = {
  reporter: XarfReporterInput;
  campaign: XarfCampaignInput;
  host: XarfHostInput;
  /** Defaults to one derived from the campaign's reference and the host, else a random one. */
  reportId?: string;
};

const DESCRIPTION_MAX = 1000;
const SERVICE_VERSION_MAX = 100;
const CVE_IDS_MAX = 10;
const CONNECTION_PROTOCOLS = new Set(["tcp", "udp", "icmp", "sctp"]);

/**
 * One X-ARF v4 report for one host of a campaign, checked against the schema before it is returned: a host
 * that the chosen type cannot describe (a CVE report needs the port, a DDoS report the protocol) is refused
 * with the reason, never sent half-filled.
 */
export function buildXarfReport({ reporter, campaign, host, reportId }: BuildXarfInput): BuiltXarf {
  const source = host.ip ?? host.hostname;
  if (!source) return { ok: false, reason: "the host has neither an IP address nor a hostname" };
  const cves = extractCves(host.tag, ...campaign.cves);
  const chosen = xarfKindFor({ ...campaign, cves });
  if (!chosen.ok) return chosen;
  const { ok: _, ...kind } = chosen;
  const specific = fieldsOf(kind, campaign, host, cves);
  if (typeof specific === "string") return { ok: false, reason: `${kind.category}/${kind.type}: ${specific}` };

  const contact = contactOf(reporter);
  const port = host.port != null && host.port >= 1 && host.port <= 65535 ? host.port : undefined;
  const report: XarfReport = {
    xarf_version: XARF_VERSION,
    report_id: reportId ?? (campaign.reference ? xarfReportId(`${campaign.reference}|${hostKey(host)}`) : randomUUID()),
    timestamp: host.seenAt.toISOString(),
    reporter: contact,
    sender: contact,
    source_identifier: source,
    ...(port !== undefined ? { source_port: port } : {}),
    ...kind,
    description: descriptionOf(campaign),
    tags: xarfTags({ campaign, host, cves }),
    evidence: [evidenceOf(host)],
    ...specific,
  };
  const valid = validateXarf(report);
  if (!valid.ok) return { ok: false, reason: "the report is not valid X-ARF v4", problems: valid.problems };
  return { ok: true, report };
}

const hostKey = (h: XarfHostInput) => `${h.ip ?? ""}|${h.port ?? ""}|${h.hostname ?? ""}`;

function contactOf(reporter: XarfReporterInput) {
  return { org: reporter.name, contact: reporter.email, domain: new URL(reporter.website).hostname };
}

function descriptionOf(campaign: XarfCampaignInput): string {
  const text = [`${tlpLabel(campaign.tlp)}.`, `${campaign.name}.`, campaign.description?.trim()]
    .filter(Boolean)
    .join(" ");
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}

/** The host as the notice lists it, so a receiver has the observation itself and not only Baken's reading. */
function evidenceOf(host: XarfHostInput) {
  const observation = {
    ip: host.ip,
    port: host.port,
    protocol: host.protocol,
    hostname: host.hostname,
    asn: host.asn ?? null,
    seen_at: host.seenAt.toISOString(),
    tag: host.tag,
    version: host.version,
    report_type: host.reportType ?? null,
    severity: host.severity ?? null,
  };
  const bytes = Buffer.from(JSON.stringify(observation), "utf8");
  return {
    content_type: "application/json",
    description: "The observation of this host, as listed in the notice",
    payload: bytes.toString("base64"),
    hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
    size: bytes.length,
  };
}

const serviceOf = (campaign: XarfCampaignInput, host: XarfHostInput) =>
  campaign.service?.trim() || host.reportType?.trim() || campaign.name;

/** Shadowserver says "info" where X-ARF's CVE type says "informational". */
const CVE_SEVERITIES: Record<string, string> = {
  info: "informational",
  informational: "informational",
  low: "low",
  medium: "medium",
  high: "high",
  critical: "critical",
};

/** The fields the category/type requires (and those it recommends that Baken knows), or why it cannot. */
function fieldsOf(
  kind: XarfKind,
  campaign: XarfCampaignInput,
  host: XarfHostInput,
  cves: string[],
): Record<string, unknown> | string {
  const protocol = host.protocol?.trim().toLowerCase();
  const firstSeen = host.seenAt.toISOString();
  switch (kind.type) {
    case "cve": {
      if (host.port == null || host.port < 1) return "the host's port is not known";
      const severity = CVE_SEVERITIES[(host.severity ?? campaign.severity ?? "").toLowerCase()];
      const version = host.version?.trim();
      return {
        evidence_source: "vulnerability_scan",
        service: serviceOf(campaign, host),
        service_port: host.port,
        ...(version && version.length <= SERVICE_VERSION_MAX ? { service_version: version } : {}),
        cve_id: cves[0],
        ...(cves.length > 1 ? { cve_ids: cves.slice(0, CVE_IDS_MAX) } : {}),
        ...(severity ? { severity } : {}),
      };
    }
    case "open_service":
    case "misconfiguration":
      return { evidence_source: "vulnerability_scan", service: serviceOf(campaign, host) };
    case "botnet":
      return {
        compromise_evidence: `Seen as infected (${host.tag ?? rsitLabel("en", campaign.rsitClass, campaign.rsitType)}) on ${firstSeen}`,
      };
    case "compromised_server":
      return {
        compromise_method:
          cves.length > 0
            ? `Exploitation of ${cves.join(", ")}`
            : `${rsitLabel("en", campaign.rsitClass, campaign.rsitType)}${host.tag ? ` (${host.tag})` : ""}`,
      };
    case "ddos":
    case "port_scan":
    case "login_attack":
      if (!protocol || !CONNECTION_PROTOCOLS.has(protocol))
        return `the host's protocol (${host.protocol ?? "none"}) is not tcp, udp, icmp or sctp`;
      if (host.ip && (host.port == null || host.port < 1)) return "the host's source port is not known";
      return { protocol, first_seen: firstSeen };
    case "blocklist":
    case "threat_intelligence":
      return { threat_type: host.tag?.trim() || campaign.rsitType };
  }
}
