// npm run feeds:shadowserver -- /path/to/report_schema
// Regenerates Baken's table of Shadowserver report types from a copy of Shadowserver's report_schema
// repository (reports.json, intelmq.json, severity.md, types.md):
//   packages/core/src/ingest/shadowserver/report-types.generated.ts  (what the reader uses)
//   docs/report-types.md                                             (the list the README links to)
// The project never reads report_schema at run or test time: commit both files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import type {
  Classification,
  ReportTypeSpec,
  Severity,
} from "../packages/core/src/ingest/shadowserver/report-type-spec.ts";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run feeds:shadowserver -- /path/to/report_schema");
  process.exit(2);
}
const OUT_TABLE = "packages/core/src/ingest/shadowserver/report-types.generated.ts";
const OUT_DOC = "docs/report-types.md";

type Mapping = [target: string | false, column: string, fn?: string, withRow?: boolean];
type IntelMqEntry = {
  feed_name: string;
  file_name: string;
  url?: string;
  constant_fields: Record<string, string>;
  required_fields: Mapping[];
  optional_fields: Mapping[];
};
type ReportsEntry = {
  name: string;
  url?: string;
  fields: string[];
  "classification.taxonomy"?: string;
  "classification.type"?: string;
};

const reports = JSON.parse(readFileSync(join(dir, "reports.json"), "utf8")) as Record<string, ReportsEntry>;
const intelmq = JSON.parse(readFileSync(join(dir, "intelmq.json"), "utf8")) as Record<string, unknown>;
const meta = intelmq._meta as { date_created?: string } | undefined;

/** `| type | subject | level |` rows of severity.md and types.md (whose subject is a link). */
function severityTable(file: string): Map<string, { subject: string; level: Severity }> {
  const rows = new Map<string, { subject: string; level: Severity }>();
  for (const line of readFileSync(join(dir!, file), "utf8").split("\n")) {
    const m = /^\|\s*([a-z0-9_]+)\s*\|\s*(.*?)\s*\|\s*(critical|high|medium|low|info)\s*\|?\s*$/.exec(line);
    if (m) rows.set(m[1]!, { subject: m[2]!.replace(/^\[(.*)\]\(.*\)$/, "$1"), level: m[3] as Severity });
  }
  return rows;
}
// severity.md is the published default; types.md covers the types it has not caught up with.
const severityMd = severityTable("severity.md");
const typesMd = severityTable("types.md");

const byFileName = new Map<string, IntelMqEntry>();
for (const [key, value] of Object.entries(intelmq)) {
  if (key === "_meta") continue;
  const entry = value as IntelMqEntry;
  byFileName.set(entry.file_name, entry);
}

/**
 * IntelMQ derives scan_exchange's classification from its tag with three functions of its own (not in the
 * JSON); the same rule, written out. A server that is only vulnerable is RSIT's vulnerable /
 * vulnerable-system (IntelMQ's function says infected-system, a type of another class).
 */
const EXCHANGE_BY_TAG = {
  default: { taxonomy: "vulnerable", type: "vulnerable-system", identifier: "vulnerable-exchange-server" },
  byTag: {
    "exchange;webshell": { taxonomy: "intrusions", type: "system-compromise", identifier: "exchange-server-webshell" },
  },
};

function specOf(type: string, report: ReportsEntry, im: IntelMqEntry): ReportTypeSpec {
  const mappings = [...im.required_fields, ...im.optional_fields];
  const column = (target: string) => mappings.find((m) => m[0] === target)?.[1] ?? null;
  const fields = report.fields;
  const inFields = (c: string | null) => (c !== null && fields.includes(c) ? c : null);
  const constant = im.constant_fields;
  const tagDerived = mappings.some((m) => m[0] === "classification.taxonomy" && m[2] === "scan_exchange_taxonomy");
  let classification: Classification | null = null;
  const taxonomy = constant["classification.taxonomy"] ?? report["classification.taxonomy"];
  const ctype = constant["classification.type"] ?? report["classification.type"];
  if (tagDerived) classification = EXCHANGE_BY_TAG.default;
  else if (taxonomy && ctype)
    classification = { taxonomy, type: ctype, identifier: constant["classification.identifier"] ?? null };
  const severity = severityMd.get(type) ?? typesMd.get(type);
  const spec: ReportTypeSpec = {
    type,
    name: severity?.subject ?? report.name.replace(/-/g, " "),
    fields,
    ip: column("source.ip"),
    network: column("source.network"),
    fqdn: column("source.fqdn"),
    reverseDns: column("source.reverse_dns"),
    url: column("source.url"),
    port: column("source.port"),
    asn: column("source.asn"),
    timestamp: column("time.source"),
    protocol: column("protocol.transport"),
    severity: column("severity"),
    defaultSeverity: severity?.level ?? null,
    tag: inFields("tag"),
    cve: column("product.vulnerabilities"),
    version: column("product.version") ?? inFields("version"),
    classification,
    classificationByTag: tagDerived ? EXCHANGE_BY_TAG.byTag : null,
    ipVersion: /6(_|$)/.test(type) ? 6 : 4,
    refused: null,
    page: report.url ?? im.url ?? null,
  };
  if (!spec.ip && !spec.network && !spec.fqdn) {
    spec.refused =
      `Shadowserver's ${spec.name} report (${type}) names no address of the party to notify (no source.ip, ` +
      `source.network or source.fqdn in its schema): Baken cannot tell whom to notify`;
  }
  for (const c of [spec.ip, spec.network, spec.fqdn, spec.reverseDns, spec.port, spec.asn, spec.timestamp]) {
    if (c !== null && !fields.includes(c)) throw new Error(`${type}: intelmq.json names ${c}, not in its fields`);
  }
  return spec;
}

const specs = Object.keys(reports)
  .sort()
  .map((type) => {
    const im = byFileName.get(type);
    if (!im) throw new Error(`${type}: in reports.json but not in intelmq.json`);
    return specOf(type, reports[type]!, im);
  });

const header = `// Generated by \`npm run feeds:shadowserver -- <report_schema>\` (scripts/feeds-shadowserver.ts) from
// Shadowserver's report_schema (intelmq.json of ${meta?.date_created ?? "an unknown date"}). Do not edit: regenerate.`;
const table = `${header}
import type { ReportTypeSpec } from "./report-type-spec.ts";

export const SCHEMA_DATE = ${JSON.stringify(meta?.date_created ?? null)};

// fields as one comma-separated string each: a column a line made this file three times longer.
const TABLE: readonly (Omit<ReportTypeSpec, "fields"> & { fields: string })[] = ${JSON.stringify(
  specs.map((s) => ({ ...s, fields: s.fields.join(",") })),
  null,
  2,
)};

export const REPORT_TYPES: readonly ReportTypeSpec[] = TABLE.map((t) => ({ ...t, fields: t.fields.split(",") }));
`;

const cell = (s: string | null) => (s ? `\`${s}\`` : "");
const party = (s: ReportTypeSpec) => {
  if (s.refused) return "refused";
  const parts = [
    s.ip && (s.network === s.ip ? `\`${s.ip}\` (address or network)` : `\`${s.ip}\``),
    s.network && s.network !== s.ip ? `\`${s.network}\` (network)` : null,
    s.fqdn && `\`${s.fqdn}\``,
    s.reverseDns && `\`${s.reverseDns}\``,
  ];
  return parts.filter(Boolean).join(", ");
};
const doc = `<!-- Generated by npm run feeds:shadowserver (scripts/feeds-shadowserver.ts). Do not edit: regenerate. -->

# Shadowserver report types

Baken reads every report type of Shadowserver's published schema (report_schema, intelmq.json of
${meta?.date_created ?? "an unknown date"}): ${specs.filter((s) => !s.refused).length} types routed, ${specs.filter((s) => s.refused).length} refused because they name no
address of the party to notify. The type is recognised from Shadowserver's file name
(\`2026-03-09-scan_exchange-example-geo.csv\`), else from the header (its exact set of columns), else from the
upload's \`reportType\` field.

- **routes by**: the source-side columns, in order: the address (IntelMQ's \`source.ip\`), the network
  (\`source.network\`), the host name (\`source.fqdn\`, else the reverse DNS \`source.reverse_dns\`). Every other
  column (the destination side: \`dst_ip\`, \`http_host\`, \`domain\`...) is kept in the row's data and never routes.
- **severity**: Shadowserver's default for the type; a row's own \`severity\` column is stored with the row.
- **classification**: the Reference Security Incident Taxonomy's class / type and IntelMQ's identifier.

| type | name | routes by | port | severity | classification |
| --- | --- | --- | --- | --- | --- |
${specs
  .map(
    (s) =>
      `| \`${s.type}\` | ${s.name} | ${party(s)} | ${cell(s.port)} | ${s.defaultSeverity ?? ""} | ${
        s.classification
          ? `${s.classification.taxonomy} / ${s.classification.type}${s.classification.identifier ? ` (${s.classification.identifier})` : ""}`
          : ""
      } |`,
  )
  .join("\n")}
`;

const config = (await resolveConfig(OUT_TABLE)) ?? {};
writeFileSync(OUT_TABLE, await format(table, { ...config, filepath: OUT_TABLE }));
writeFileSync(OUT_DOC, await format(doc, { ...(await resolveConfig(OUT_DOC)), filepath: OUT_DOC }));
console.log(
  `${specs.length} report types (${specs.filter((s) => s.refused).length} refused) -> ${OUT_TABLE}, ${OUT_DOC}`,
);
