import { useState } from "react";
import { api, type FeedDetail, type FeedPull, type FeedReportOutcome } from "../api/index.ts";
import { StatusBadge, TlpBadge } from "../components/badges.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { FeedForm, feedDraft } from "../components/feed-form.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { describeSchedule } from "../lib/schedule.ts";
import { useAction, useAsync, usePolling } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";
import { PullSummary, pullCounts } from "./feeds.tsx";

const REPORT_COLUMNS: Column<FeedReportOutcome>[] = [
  { header: "Outcome", cell: (r) => <StatusBadge status={r.outcome} /> },
  { header: "Report", mono: true, cell: (r) => r.file },
  { header: "Type", mono: true, cell: (r) => r.type ?? "—" },
  {
    header: "List",
    cell: (r) =>
      r.listId ? <Link to={`/lists/${r.listId}`}>{r.rows !== undefined ? `${r.rows} rows` : "the list"}</Link> : "—",
  },
  { header: "Why", cell: (r) => r.reason ?? "" },
];

const PULL_COLUMNS: Column<FeedPull>[] = [
  { header: "Started", cell: (p) => dateTime(p.startedAt) },
  { header: "By", cell: (p) => (p.attempt > 1 ? `${p.trigger}, retry ${p.attempt - 1}` : p.trigger) },
  { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
  { header: "Reports", cell: (p) => (p.status === "running" ? "…" : pullCounts(p)) },
  { header: "Error", cell: (p) => p.error ?? "" },
];

/** One feed: its settings, "Pull now", the last run report by report, and the runs before it. */
export function FeedDetailPage({ id }: { id: string }) {
  const canPull = useCan("analyst");
  const canSetUp = useCan("admin");
  const feed = useAsync(() => api.feeds.getFeed(id), [id]);
  const campaigns = useAsync(() => api.campaigns.listCampaigns(), []);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // A pull asked for: the page follows it until a run newer than the last one seen has ended.
  const [waitingAfter, setWaitingAfter] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const pull = useAction();
  const remove = useAction();

  const last = feed.data?.pulls[0] ?? null;
  const following = last?.status === "running" || (waitingAfter !== null && (last?.id ?? 0) <= waitingAfter);
  usePolling(feed.reload, 1000, following);

  const pullNow = (f: FeedDetail) =>
    void pull.act(async () => {
      const { queued } = await api.feeds.pullFeed(f.id);
      setNote(queued ? "Pull queued: this page follows it." : "A pull of this feed is waiting or running already.");
      setWaitingAfter(f.pulls[0]?.id ?? 0);
    });

  return (
    <AsyncView state={feed} what="the feed">
      {(f) => (
        <>
          <p className="breadcrumb">
            <Link to="/feeds">Feeds</Link> /
          </p>
          <div className="page-head">
            <h1>{f.name}</h1>
            <div className="actions">
              {canPull && f.kind === "shadowserver" && (
                <button type="button" onClick={() => pullNow(f)} disabled={pull.busy || following}>
                  {following ? "Pulling…" : "Pull now"}
                </button>
              )}
              {canSetUp && !editing && (
                <>
                  <button type="button" className="secondary" onClick={() => setEditing(true)}>
                    Edit
                  </button>
                  <button type="button" className="secondary" onClick={() => setDeleting(true)}>
                    Delete
                  </button>
                </>
              )}
            </div>
          </div>
          <ErrorBox error={pull.error} title="No pull" />
          {note && following && (
            <p className="notice" role="status">
              {note}
            </p>
          )}
          {editing ? (
            <AsyncView state={campaigns} what="the campaigns">
              {(list) => (
                <FeedForm
                  initial={feedDraft(f)}
                  stored={f}
                  campaigns={list}
                  submitLabel="Save"
                  onSubmit={async ({ kind: _, ...patch }) => {
                    await api.feeds.updateFeed(f.id, patch);
                    setEditing(false);
                    await feed.reload();
                  }}
                  onCancel={() => setEditing(false)}
                />
              )}
            </AsyncView>
          ) : (
            <FeedFacts feed={f} />
          )}

          <section aria-labelledby="last-run-title">
            <h2 id="last-run-title">Last run</h2>
            {last ? (
              <>
                <p data-testid="last-run">
                  <PullSummary pull={last} />
                </p>
                {last.reports.length > 0 ? (
                  <DataTable
                    rows={last.reports}
                    columns={REPORT_COLUMNS}
                    rowKey={(r) => r.id ?? r.file}
                    label="Reports of the last run"
                  />
                ) : (
                  last.status !== "running" && <Empty>No report listed.</Empty>
                )}
              </>
            ) : (
              <Empty>Not run yet.</Empty>
            )}
          </section>
          {f.pulls.length > 1 && (
            <section aria-labelledby="runs-title">
              <h2 id="runs-title">Earlier runs</h2>
              <DataTable rows={f.pulls.slice(1)} columns={PULL_COLUMNS} rowKey={(p) => p.id} label="Earlier runs" />
            </section>
          )}
          <ConfirmDialog
            open={deleting}
            title="Delete this feed?"
            confirmLabel="Delete"
            danger
            busy={remove.busy}
            onCancel={() => setDeleting(false)}
            onConfirm={() =>
              void remove.act(async () => {
                await api.feeds.deleteFeed(f.id);
                navigate("/feeds");
              })
            }
          >
            <p>Its schedule and its runs go; the lists it brought in stay.</p>
            <ErrorBox error={remove.error} title="Not deleted" />
          </ConfirmDialog>
        </>
      )}
    </AsyncView>
  );
}

function FeedFacts({ feed: f }: { feed: FeedDetail }) {
  const pulled = f.kind === "shadowserver";
  return (
    <dl className="facts">
      <dt>Reports come</dt>
      <dd>{pulled ? "from Shadowserver's Reports API" : "pushed by a tool"}</dd>
      {pulled && (
        <>
          <dt>Pull</dt>
          <dd>
            {describeSchedule(f.schedule)}
            {!f.enabled && " (disabled)"}
            {f.nextPullAt && <span className="muted"> · next {dateTime(f.nextPullAt)}</span>}
          </dd>
          <dt>Account</dt>
          <dd>
            {f.hasCredentials ? `API key ${f.apiKeyHint ?? ""} and its secret (stored sealed)` : "no credentials"}
          </dd>
          <dt>Addresses</dt>
          <dd className="mono">
            {f.apiUrl} · {f.downloadUrl}
          </dd>
          <dt>Takes</dt>
          <dd>
            {f.reportTypes.length > 0 ? f.reportTypes.join(", ") : "every report type"}
            {f.mailingLists.length > 0 && ` of ${f.mailingLists.join(", ")}`}, the last {f.lookbackDays} day(s)
          </dd>
        </>
      )}
      {!pulled && (
        <>
          <dt>Push to</dt>
          <dd className="mono">POST /api/feeds/{f.id}/reports?reportId=… (multipart `file`, an analyst API token)</dd>
        </>
      )}
      <dt>TLP of its lists</dt>
      <dd>
        <TlpBadge tlp={f.tlp} />
      </dd>
      <dt>Campaigns</dt>
      <dd>
        {f.rules.length === 0 ? (
          "none: every report lands unassigned"
        ) : (
          <ul className="plain">
            {f.rules.map((r) => (
              <li key={r.reportType}>
                <span className="mono">{r.reportType}</span> →{" "}
                <Link to={`/campaigns/${r.campaignId}`}>{r.campaignName}</Link>
              </li>
            ))}
            <li className="muted">other types land unassigned</li>
          </ul>
        )}
      </dd>
    </dl>
  );
}
