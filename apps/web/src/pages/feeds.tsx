import { api, type Feed, type FeedPull } from "../api/index.ts";
import { StatusBadge } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { emptyFeed, FeedForm } from "../components/feed-form.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { dateTime, n } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { describeSchedule } from "../lib/schedule.ts";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

/** "2 ingested, 1 skipped, 0 failed" */
export const pullCounts = (p: FeedPull) =>
  `${n(p.ingested)} ingested, ${n(p.skipped)} skipped, ${n(p.failed)} failed${p.listed ? ` of ${n(p.listed)} listed` : ""}`;

/** A run's status, when, and what came of it. */
export function PullSummary({ pull }: { pull: FeedPull | null }) {
  if (!pull) return <span className="muted">not run yet</span>;
  return (
    <>
      <StatusBadge status={pull.status} /> {dateTime(pull.finishedAt ?? pull.startedAt)}
      {pull.attempt > 1 && <span className="muted"> (retry {pull.attempt - 1})</span>}
      {pull.status !== "running" && <div className="muted">{pullCounts(pull)}</div>}
      {pull.error && <div className="error-text">{pull.error}</div>}
    </>
  );
}

const COLUMNS: Column<Feed>[] = [
  { header: "Name", cell: (f) => <Link to={`/feeds/${f.id}`}>{f.name}</Link> },
  {
    header: "Source",
    cell: (f) => (f.kind === "shadowserver" ? "Shadowserver API" : "pushed") + (f.enabled ? "" : " (disabled)"),
  },
  { header: "Schedule", cell: (f) => (f.kind === "shadowserver" ? describeSchedule(f.schedule) : "—") },
  { header: "Last run", cell: (f) => <PullSummary pull={f.lastPull} /> },
  { header: "Next pull", cell: (f) => dateTime(f.nextPullAt) },
];

/** Feed sources with how their last run went. */
export function FeedsPage() {
  const canSetUp = useCan("admin");
  const feeds = useAsync(() => api.feeds.listFeeds(), []);
  return (
    <>
      <PageHead title="Feeds">
        {canSetUp && (
          <Link to="/feeds/new" className="button">
            New feed
          </Link>
        )}
      </PageHead>
      <p className="hint">
        Reports that arrive without an upload: pulled from Shadowserver&apos;s Reports API on a schedule, or pushed by a
        tool with an API token. Each report becomes a list, as an upload does.
      </p>
      <AsyncView state={feeds} what="the feeds">
        {(items) =>
          items.length === 0 ? (
            <Empty>No feed yet.{canSetUp && " Add Shadowserver's daily reports with “New feed”."}</Empty>
          ) : (
            <DataTable rows={items} columns={COLUMNS} rowKey={(f) => f.id} label="Feeds" />
          )
        }
      </AsyncView>
    </>
  );
}

export function NewFeedPage() {
  const campaigns = useAsync(() => api.campaigns.listCampaigns(), []);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/feeds">Feeds</Link> /
      </p>
      <h1>New feed</h1>
      <AsyncView state={campaigns} what="the campaigns">
        {(list) => (
          <FeedForm
            initial={emptyFeed()}
            campaigns={list}
            submitLabel="Create feed"
            onSubmit={async (body) => navigate(`/feeds/${(await api.feeds.createFeed(body)).id}`)}
            onCancel={() => navigate("/feeds")}
          />
        )}
      </AsyncView>
    </>
  );
}
