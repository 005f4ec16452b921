import { useState } from "react";
import { api, REPORT_STATUSES, type ReportFilter, type ReportSummary } from "../api/index.ts";
import { StatusBadge } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { Pager } from "../components/pager.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { dateTime, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { RSIT_CLASSES, rsitClasses } from "../lib/rsit.ts";
import { useAsync } from "../lib/use-async.ts";

const COLUMNS: Column<ReportSummary>[] = [
  {
    header: "Reference",
    cell: (r) => (
      <>
        <Link to={`/reports/${r.id}`} className="mono">
          {r.reference}
        </Link>
        {r.ongoing && <span className="badge bad">ongoing</span>}
        {!!r.attachmentCount && <span className="badge">{r.attachmentCount} file(s)</span>}
      </>
    ),
  },
  { header: "Received", cell: (r) => dateTime(r.createdAt) },
  {
    header: "Type",
    cell: (r) => (
      <>
        {r.rsit.className}
        {r.rsit.type && <span className="muted"> / {r.rsit.typeName ?? r.rsit.type}</span>}
      </>
    ),
  },
  {
    header: "Reporter",
    cell: (r) => (
      <>
        {r.reporterName}
        {r.organizationName && <span className="muted"> · {r.organizationName}</span>}
        {r.language && <span className="muted"> ({r.language})</span>}
      </>
    ),
  },
  { header: "Status", cell: (r) => <StatusBadge status={r.status} label={words(r.status)} /> },
  { header: "Assigned", cell: (r) => r.assignee?.email ?? "—" },
];

export function ReportsPage() {
  const [draft, setDraft] = useState<ReportFilter>({ status: "new" });
  const [filter, setFilter] = useState<ReportFilter>(draft);
  const [page, setPage] = useState(1);
  const reports = useAsync(() => api.reports.listReports({ ...filter, page }), [filter, page]);
  const apply = (f: ReportFilter) => {
    setDraft(f);
    setFilter(f);
    setPage(1);
  };
  return (
    <>
      <h1>Incident reports</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter reports"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <SelectField
          id="report-status"
          label="Status"
          value={draft.status ?? ""}
          empty="any"
          options={REPORT_STATUSES.map((value) => ({ value, label: words(value) }))}
          onChange={(status) => apply({ ...draft, status: status || undefined })}
        />
        <SelectField
          id="report-type"
          label="Type"
          value={draft.rsitClass ?? ""}
          empty="any"
          options={rsitClasses.map((value) => ({ value, label: RSIT_CLASSES[value] }))}
          onChange={(rsitClass) => apply({ ...draft, rsitClass: rsitClass || undefined })}
        />
        <TextField
          id="report-from"
          label="From"
          type="date"
          value={draft.from ?? ""}
          onChange={(from) => apply({ ...draft, from: from || undefined })}
        />
        <TextField
          id="report-to"
          label="To"
          type="date"
          value={draft.to ?? ""}
          onChange={(to) => apply({ ...draft, to: to || undefined })}
        />
        <TextField
          id="report-q"
          label="Text"
          className="grow"
          type="search"
          value={draft.q ?? ""}
          onChange={(q) => setDraft({ ...draft, q: q || undefined })}
        />
        <div className="actions">
          <button type="submit">Filter</button>
        </div>
      </form>
      <AsyncView state={reports} what="incident reports">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>No report matches these filters.</Empty>
          ) : (
            <>
              <DataTable
                rows={p.items}
                columns={COLUMNS}
                rowKey={(r) => r.id}
                rowClass={(r) => (r.ongoing ? "urgent-row" : undefined)}
              />
              <Pager page={p} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
