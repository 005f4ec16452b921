import { useState } from "react";
import { api, type AuditEvent } from "../api/index.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { TextField } from "../components/fields.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

const PAGE = 100;

/** Where a subject of each type is seen in the console. */
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  organization: (id) => `/organizations/${id}`,
  campaign: (id) => `/campaigns/${id}`,
  incident_report: (id) => `/reports/${id}`,
  exposure_list: (id) => `/lists/${id}`,
  feed_source: (id) => `/feeds/${id}`,
  staff_user: () => "/staff",
  api_token: () => "/tokens",
};

function Subject({ e }: { e: AuditEvent }) {
  const name = e.subjectName ?? e.subjectId;
  const to = e.subjectId ? SUBJECT_PAGES[e.subjectType]?.(e.subjectId) : undefined;
  return (
    <>
      <span className="muted">{e.subjectType.replaceAll("_", " ")} </span>
      {name && (to ? <Link to={to}>{name}</Link> : <span className="mono">{name}</span>)}
    </>
  );
}

type Filter = { actorId: string; action: string; from: string; to: string };
const NO_FILTER: Filter = { actorId: "", action: "", from: "", to: "" };
/** The API's query: empty fields left out; `to` includes the whole day. */
const query = (f: Filter) => ({
  ...(f.actorId ? { actorId: f.actorId } : {}),
  ...(f.action.trim() ? { action: f.action.trim() } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: new Date(Date.parse(f.to) + 86_400_000).toISOString().slice(0, 10) } : {}),
});

const COLUMNS: Column<AuditEvent>[] = [
  { header: "When", cell: (e) => dateTime(e.at) },
  {
    header: "Who",
    cell: (e) => (
      <>
        {e.actor ? (
          e.actorName ? (
            `${e.actorName} (${e.actor})`
          ) : (
            e.actor
          )
        ) : (
          <span className="muted">system / public</span>
        )}
        {e.token && <span className="muted"> through the API token “{e.token.name}”</span>}
        {e.ip && <span className="muted"> from {e.ip}</span>}
      </>
    ),
  },
  { header: "Action", mono: true, cell: (e) => e.action },
  {
    header: "Subject",
    cell: (e) => <Subject e={e} />,
  },
  { header: "Details", cell: (e) => <code className="details-json">{JSON.stringify(e.details)}</code> },
];

/** Who changed what, newest first (admins only: the route answers 403 to anyone else). */
export function AuditPage() {
  const staff = useAsync(() => api.staff.listStaff(), []);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [applied, setApplied] = useState<Filter>(NO_FILTER);
  const first = useAsync(() => api.audit.listAuditEvents({ ...query(applied), limit: PAGE }), [applied]);
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState<{ busy: boolean; error: unknown; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });

  const apply = () => {
    setOlder([]);
    setMore({ busy: false, error: null, done: false });
    setApplied(filter);
  };
  const loadOlder = async (events: AuditEvent[]) => {
    const last = events.at(-1);
    if (!last) return;
    setMore({ busy: true, error: null, done: false });
    try {
      const next = await api.audit.listAuditEvents({ ...query(applied), before: last.id, limit: PAGE });
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
        <label htmlFor="audit-actor">
          Who
          <select
            id="audit-actor"
            value={filter.actorId}
            onChange={(e) => setFilter({ ...filter, actorId: e.target.value })}
          >
            <option value="">anyone</option>
            {(staff.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name ? `${u.name} (${u.email})` : u.email}
              </option>
            ))}
          </select>
        </label>
        <TextField
          id="audit-action"
          label="What"
          value={filter.action}
          onChange={(action) => setFilter({ ...filter, action })}
          placeholder="e.g. report or staff.disable"
        />
        <TextField
          id="audit-from"
          label="From"
          type="date"
          value={filter.from}
          onChange={(from) => setFilter({ ...filter, from })}
        />
        <TextField
          id="audit-to"
          label="To"
          type="date"
          value={filter.to}
          onChange={(to) => setFilter({ ...filter, to })}
        />
        <div className="actions">
          <button type="submit">Filter</button>
          <a className="button secondary" href={api.audit.exportUrl(query(applied))} download>
            Export CSV
          </a>
        </div>
      </form>
      <AsyncView state={first} what="the audit log">
        {(events) => {
          const all = [...events, ...older];
          if (all.length === 0)
            return <Empty>No event recorded{Object.keys(query(applied)).length ? " for these filters" : ""}.</Empty>;
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
