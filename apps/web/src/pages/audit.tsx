import { useState } from "react";
import { api, type AuditEvent } from "../api/index.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { TextField } from "../components/fields.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime } from "../lib/format.ts";
import { useAsync } from "../lib/use-async.ts";

const PAGE = 100;

const COLUMNS: Column<AuditEvent>[] = [
  { header: "When", cell: (e) => dateTime(e.at) },
  {
    header: "Who",
    cell: (e) => (
      <>
        {e.actor ?? <span className="muted">system / public</span>}
        {e.token && <span className="muted"> through the API token “{e.token.name}”</span>}
        {e.ip && <span className="muted"> from {e.ip}</span>}
      </>
    ),
  },
  { header: "Action", mono: true, cell: (e) => e.action },
  {
    header: "Subject",
    cell: (e) => (
      <>
        {e.subjectType}
        {e.subjectId && <span className="mono muted"> {e.subjectId}</span>}
      </>
    ),
  },
  { header: "Details", cell: (e) => <code className="details-json">{JSON.stringify(e.details)}</code> },
];

/** Who changed what, newest first (admins only: the route answers 403 to anyone else). */
export function AuditPage() {
  const [action, setAction] = useState("");
  const [subjectType, setSubjectType] = useState("");
  const [applied, setApplied] = useState({ action: "", subjectType: "" });
  const first = useAsync(() => api.audit.listAuditEvents({ ...applied, limit: PAGE }), [applied]);
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState<{ busy: boolean; error: unknown; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });

  const apply = () => {
    setOlder([]);
    setMore({ busy: false, error: null, done: false });
    setApplied({ action: action.trim(), subjectType: subjectType.trim() });
  };
  const loadOlder = async (events: AuditEvent[]) => {
    const last = events.at(-1);
    if (!last) return;
    setMore({ busy: true, error: null, done: false });
    try {
      const next = await api.audit.listAuditEvents({ ...applied, before: last.id, limit: PAGE });
      setOlder((o) => [...o, ...next]);
      setMore({ busy: false, error: null, done: next.length < PAGE });
    } catch (error) {
      setMore({ busy: false, error, done: false });
    }
  };

  return (
    <>
      <h1>Audit log</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <TextField
          id="audit-action"
          label="Action"
          value={action}
          onChange={setAction}
          placeholder="e.g. campaign.send"
        />
        <TextField
          id="audit-subject"
          label="Subject type"
          value={subjectType}
          onChange={setSubjectType}
          placeholder="e.g. organization"
        />
        <div className="actions">
          <button type="submit">Filter</button>
        </div>
      </form>
      <AsyncView state={first} what="the audit log">
        {(events) => {
          const all = [...events, ...older];
          if (all.length === 0)
            return <Empty>No event recorded{applied.action || applied.subjectType ? " for these filters" : ""}.</Empty>;
          return (
            <>
              <DataTable rows={all} columns={COLUMNS} rowKey={(e) => e.id} />
              <ErrorBox error={more.error} title="Could not load older events" />
              {events.length === PAGE && !more.done && (
                <button type="button" className="secondary" disabled={more.busy} onClick={() => void loadOlder(all)}>
                  {more.busy ? "Loading…" : "Older events"}
                </button>
              )}
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
