import { COLUMN_ROLES, type ListPreview, type PreviewColumn, type PreviewRow } from "../api/index.ts";
import { DataTable } from "./data-table.tsx";
import { DetailList } from "./status.tsx";

const FORMAT: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };
const BY: Record<string, string> = {
  report: "from the report's schema",
  layout: "from the export's field names",
  name: "from its name",
  mapping: "set by you",
};
const ROLE_LABEL: Record<string, string> = {
  ip: "IP address (or network)",
  network: "network (CIDR)",
  address: "address, host name or URL",
  hostname: "host name",
  port: "port",
  protocol: "protocol",
  asn: "AS number",
  timestamp: "time seen",
  severity: "severity",
  tag: "tag / CVE",
  version: "version",
};

/** How the file would be read, in words: "CSV (comma) · Shadowserver: Vulnerable Exchange Server (scan_exchange)". */
function readAs(p: ListPreview): string {
  const format = p.format === "csv" ? `CSV (${FORMAT[p.delimiter ?? ","] ?? p.delimiter})` : (p.format ?? "?");
  const report =
    p.kind === "shadowserver"
      ? `Shadowserver: ${p.reportName ?? p.reportTypeCandidates.join(" or ")}${p.reportType ? ` (${p.reportType})` : ""}`
      : p.kind === "shodan" || p.kind === "intelmq"
        ? (p.reportName ?? p.kind)
        : p.kind === "text"
          ? "one address a line"
          : "columns by name";
  const severity = p.severity ? `severity ${p.severity}` : null;
  return [format, report, severity].filter(Boolean).join(" · ");
}

const ROW_COLUMNS = [
  { header: "Line", cell: (r: PreviewRow) => r.line },
  { header: "Address", mono: true, cell: (r: PreviewRow) => (r.ip ? `${r.ip}${r.network ? " (network)" : ""}` : "—") },
  { header: "Host name", mono: true, cell: (r: PreviewRow) => r.hostname ?? "—" },
  { header: "Port", cell: (r: PreviewRow) => r.port ?? "—" },
  { header: "Severity", cell: (r: PreviewRow) => r.severity ?? "—" },
  { header: "Would notify", cell: (r: PreviewRow) => r.organization?.name ?? "nobody yet (unmatched)" },
];

/**
 * What an upload would store, before it is stored: the report type, each column's role (which the analyst
 * may change: `onRole`), the first rows with whom they would notify, and why the file would be refused.
 */
export function UploadPreview({
  preview,
  onRole,
  disabled,
}: {
  preview: ListPreview;
  onRole: (column: string, role: string) => void;
  disabled?: boolean;
}) {
  return (
    <section aria-labelledby="preview-title" className="preview">
      <h3 id="preview-title">Preview: nothing is stored yet</h3>
      <p data-testid="preview-read-as">Read as {readAs(preview)}.</p>
      {preview.problem && (
        <div className="error-box" role="alert">
          <p>
            <strong>This file would be refused:</strong> {preview.problem.message}
          </p>
          <DetailList details={preview.problem.details} />
        </div>
      )}
      {preview.columns.length > 0 && (
        <fieldset className="column-roles">
          <legend>What each column holds</legend>
          <p className="hint">
            Only the address columns decide whom a notice goes to. Anything else is kept as data with the row.
          </p>
          <div className="role-grid">
            {preview.columns.map((c) => (
              <RoleChoice key={c.name} column={c} onRole={onRole} disabled={disabled} />
            ))}
          </div>
        </fieldset>
      )}
      {preview.rows.length > 0 && (
        <DataTable
          rows={preview.rows}
          columns={ROW_COLUMNS}
          rowKey={(r) => r.line}
          compact
          label="The first rows, as they would be stored"
        />
      )}
      {preview.partial && <p className="muted">Only the beginning of the file is previewed.</p>}
      {preview.errors.length > 0 && (
        <>
          <h4>Rows that would be rejected</h4>
          <DetailList details={preview.errors} limit={10} />
        </>
      )}
    </section>
  );
}

function RoleChoice({
  column,
  onRole,
  disabled,
}: {
  column: PreviewColumn;
  onRole: (column: string, role: string) => void;
  disabled?: boolean;
}) {
  const id = `role-${column.name.replace(/[^a-z0-9_-]/gi, "_")}`;
  return (
    <div className="role-choice">
      <label htmlFor={id} className="mono">
        {column.name}
      </label>
      <select
        id={id}
        aria-label={`Role of column ${column.name}`}
        value={column.role ?? "ignore"}
        onChange={(e) => onRole(column.name, e.target.value)}
        disabled={disabled}
      >
        <option value="ignore">data (kept as it is)</option>
        {COLUMN_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      {column.by && column.role && <span className="hint">{BY[column.by] ?? column.by}</span>}
    </div>
  );
}
