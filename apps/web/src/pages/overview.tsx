import { api, type Overview } from "../api/index.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { PageHead } from "../components/layout.tsx";
import { Sparkline } from "../components/sparkline.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { n, percent } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

type CampaignRow = Overview["campaigns"][number];
type QueueRow = Overview["queues"][number];

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const campaignColumns = (days: number): Column<CampaignRow>[] => [
  { header: "Campaign", cell: (c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
  { header: "Hosts", num: true, cell: (c) => n(c.hosts) },
  { header: "Organizations", num: true, cell: (c) => n(c.organizations) },
  { header: "Notified", num: true, cell: (c) => n(c.notified) },
  { header: "Answered", num: true, cell: (c) => n(c.answered) },
  {
    header: "Remediated",
    num: true,
    cell: (c) => <Link to={`/campaigns/${c.id}/progress`}>{percent(share(c.remediated, c.notified))}</Link>,
  },
  {
    header: "Flagged",
    num: true,
    cell: (c) => (c.flagged > 0 ? <strong className="bad">{n(c.flagged)}</strong> : "0"),
  },
  {
    header: `Resolved per day (${days} days)`,
    cell: (c) => (
      <Sparkline
        values={c.trend}
        label={`hosts resolved per day over ${days} days: ${c.trend.join(", ")}; ${n(c.trend.reduce((a, b) => a + b, 0))} in all`}
      />
    ),
  },
];

const queueColumns: Column<QueueRow>[] = [
  { header: "Queue", mono: true, cell: (q) => q.name },
  { header: "Waiting", num: true, cell: (q) => (q.available ? n(q.waiting) : "—") },
  { header: "Active", num: true, cell: (q) => (q.available ? n(q.active) : "—") },
  { header: "Delayed", num: true, cell: (q) => (q.available ? n(q.delayed) : "—") },
  {
    header: "Failed",
    num: true,
    cell: (q) => (q.available ? <span className={q.failed > 0 ? "bad" : undefined}>{n(q.failed)}</span> : "—"),
  },
  { header: "Done (kept 7 days)", num: true, cell: (q) => (q.available ? n(q.completed) : "Redis did not answer") },
];

/** The service at a glance: campaigns with their figures, the registry, the queues. */
export function OverviewPage() {
  const overview = useAsync(() => api.overview.getOverview(), []);
  return (
    <>
      <PageHead title="Overview" />
      <AsyncView state={overview} what="the overview">
        {(o) => (
          <>
            <section aria-labelledby="overview-campaigns">
              <h2 id="overview-campaigns">Campaigns</h2>
              {o.campaigns.length === 0 ? (
                <Empty>No campaign yet.</Empty>
              ) : (
                <DataTable rows={o.campaigns} columns={campaignColumns(o.trendDays)} rowKey={(c) => c.id} />
              )}
            </section>
            <section aria-labelledby="overview-registry">
              <h2 id="overview-registry">Registry</h2>
              <dl className="stats">
                <div>
                  <dt>Organizations</dt>
                  <dd data-testid="registry-organizations">{n(o.registry.organizations)}</dd>
                </div>
                <div>
                  <dt>Reachable (active contact)</dt>
                  <dd>{percent(share(o.registry.reachable, o.registry.organizations))}</dd>
                </div>
                <div>
                  <dt>Hosts matched</dt>
                  <dd>{percent(share(o.registry.matchedHosts, o.registry.hosts))}</dd>
                </div>
                <div>
                  <dt>Networks · domains · ASNs</dt>
                  <dd>
                    {n(o.registry.networks)} · {n(o.registry.domains)} · {n(o.registry.asns)}
                  </dd>
                </div>
              </dl>
            </section>
            <section aria-labelledby="overview-queues">
              <h2 id="overview-queues">Queues</h2>
              <DataTable rows={o.queues} columns={queueColumns} rowKey={(q) => q.name} />
            </section>
          </>
        )}
      </AsyncView>
    </>
  );
}
