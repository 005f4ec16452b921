import { useState } from "react";
import { api, REPORT_STATUSES, type ReportFilter } from "../api/index.ts";
import { Pager } from "../components/pager.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { dateTime, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { RSIT_CLASSES, rsitName } from "../lib/rsit.ts";
import { useAsync } from "../lib/use-async.ts";

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
        <div>
          <label htmlFor="report-status">Status</label>
          <select
            id="report-status"
            value={draft.status ?? ""}
            onChange={(e) => apply({ ...draft, status: e.target.value || undefined })}
          >
            <option value="">any</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="report-type">Type</label>
          <select
            id="report-type"
            value={draft.type ?? ""}
            onChange={(e) => apply({ ...draft, type: e.target.value || undefined })}
          >
            <option value="">any</option>
            {Object.entries(RSIT_CLASSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="report-from">From</label>
          <input
            id="report-from"
            type="date"
            value={draft.from ?? ""}
            onChange={(e) => apply({ ...draft, from: e.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="report-to">To</label>
          <input
            id="report-to"
            type="date"
            value={draft.to ?? ""}
            onChange={(e) => apply({ ...draft, to: e.target.value || undefined })}
          />
        </div>
        <div className="grow">
          <label htmlFor="report-q">Text</label>
          <input
            id="report-q"
            type="search"
            value={draft.q ?? ""}
            onChange={(e) => setDraft({ ...draft, q: e.target.value || undefined })}
          />
        </div>
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
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Reference</th>
                      <th scope="col">Received</th>
                      <th scope="col">Type</th>
                      <th scope="col">Reporter</th>
                      <th scope="col">Status</th>
                      <th scope="col">Assigned</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((r) => (
                      <tr key={r.id} className={r.ongoing ? "urgent-row" : undefined}>
                        <td>
                          <Link to={`/reports/${r.id}`} className="mono">
                            {r.reference}
                          </Link>
                          {r.ongoing && <span className="badge bad">ongoing</span>}
                          {!!r.attachmentCount && <span className="badge">{r.attachmentCount} file(s)</span>}
                        </td>
                        <td>{dateTime(r.createdAt)}</td>
                        <td>
                          {r.rsitClassName ?? rsitName(r.rsitClass)}
                          {r.rsitType && <span className="muted"> / {r.rsitTypeName ?? r.rsitType}</span>}
                        </td>
                        <td>
                          {r.reporterName}
                          {r.organizationName && <span className="muted"> · {r.organizationName}</span>}
                          {r.language && <span className="muted"> ({r.language})</span>}
                        </td>
                        <td>
                          <span className={`status status-${r.status}`}>{words(r.status)}</span>
                        </td>
                        <td>{r.assignee?.email ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={p} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
