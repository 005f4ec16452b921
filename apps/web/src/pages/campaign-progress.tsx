import { useState } from "react";
import { api, type OrgProgress, type ProgressDay } from "../api/index.ts";
import { OrgLink } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { ProgressChart, SERIES } from "../components/progress-chart.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { download, toCsv } from "../lib/csv.ts";
import { dateTime, hours, n, percent, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

export function CampaignProgressPage({ id }: { id: string }) {
  const data = useAsync(async () => {
    const [campaign, progress] = await Promise.all([api.campaigns.getCampaign(id), api.campaigns.campaignProgress(id)]);
    return { campaign, progress };
  }, [id]);
  const organizations = useAsync(() => api.campaigns.organizationProgress(id), [id]);
  return (
    <AsyncView state={data} what="the progress">
      {({ campaign, progress }) => {
        const last = progress.days.at(-1);
        const exportOrganizations = (rows: OrgProgress[]) =>
          download(
            `${campaign.name.replace(/[^\w.-]+/g, "_")}-organizations.csv`,
            toCsv(
              ["organization", "hosts", "open", "gone", "answered", "state", "last answer"],
              rows.map((o) => [o.name, o.hosts, o.open, o.gone, o.answered, o.state, o.lastAnswerAt ?? ""]),
            ),
          );
        const exportDays = () =>
          download(
            `${campaign.name.replace(/[^\w.-]+/g, "_")}-progress.csv`,
            toCsv(
              ["date", "notified", "answered", "claimed fixed", "gone", "open"],
              progress.days.map((d) => [d.day, d.notified, d.answered, d.claimedFixed, d.gone, d.stillOpen]),
            ),
          );
        return (
          <>
            <p className="breadcrumb">
              <Link to="/campaigns">Campaigns</Link> / <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link> /
            </p>
            <div className="page-head">
              <h1>Progress: {campaign.name}</h1>
              <button
                type="button"
                className="secondary"
                onClick={() => void Promise.all([data.reload(), organizations.reload()])}
              >
                Refresh
              </button>
            </div>
            <dl className="stats">
              <div>
                <dt>Remediation rate</dt>
                <dd data-testid="remediation-rate">{percent(progress.remediationRate)}</dd>
              </div>
              {last &&
                SERIES.map((s) => (
                  <div key={s.key}>
                    <dt>{s.label}</dt>
                    <dd data-testid={`progress-${s.key}`}>{n(last[s.key])}</dd>
                  </div>
                ))}
              <div>
                <dt>Median time to answer</dt>
                <dd>{hours(progress.medianHoursToAnswer)}</dd>
              </div>
              <div>
                <dt>Median time to gone</dt>
                <dd>{hours(progress.medianHoursToGone)}</dd>
              </div>
            </dl>
            {progress.days.length === 0 ? (
              <Empty>Nothing notified yet: the chart starts with the first notices.</Empty>
            ) : (
              <section aria-labelledby="chart-title">
                <h2 id="chart-title">Hosts over time</h2>
                <ProgressChart days={progress.days} />
                <details>
                  <summary>The figures as a table</summary>
                  <DataTable compact rows={progress.days} columns={DAY_COLUMNS} rowKey={(d) => d.day} />
                </details>
                <button type="button" className="secondary" onClick={exportDays}>
                  Export the figures (CSV)
                </button>
              </section>
            )}
            <section aria-labelledby="org-state-title">
              <h2 id="org-state-title">Organizations</h2>
              <AsyncView state={organizations} what="the organizations">
                {(rows) => <OrganizationTable rows={rows} onExport={() => exportOrganizations(rows)} />}
              </AsyncView>
            </section>
          </>
        );
      }}
    </AsyncView>
  );
}

const DAY_COLUMNS: Column<ProgressDay>[] = [
  { header: "Day", cell: (d) => d.day },
  { header: "Notified", num: true, cell: (d) => n(d.notified) },
  { header: "Answered", num: true, cell: (d) => n(d.answered) },
  { header: "Claimed fixed", num: true, cell: (d) => n(d.claimedFixed) },
  { header: "Gone", num: true, cell: (d) => n(d.gone) },
  { header: "Still open", num: true, cell: (d) => n(d.stillOpen) },
];

const ORG_COLUMNS: Column<OrgProgress>[] = [
  { header: "Organization", cell: (o) => <OrgLink org={o} /> },
  { header: "Hosts", num: true, cell: (o) => n(o.hosts) },
  { header: "Open", num: true, cell: (o) => n(o.open) },
  { header: "Gone", num: true, cell: (o) => n(o.gone) },
  { header: "Answered", num: true, cell: (o) => n(o.answered) },
  {
    header: "State",
    cell: (o) => (
      <span className={`state state-${o.state.replaceAll(" ", "_").replaceAll(",", "")}`}>{words(o.state)}</span>
    ),
  },
  { header: "Last answer", cell: (o) => dateTime(o.lastAnswerAt) },
];

function OrganizationTable({ rows, onExport }: { rows: OrgProgress[]; onExport: () => void }) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return <Empty>No host of a registered organization in this campaign yet.</Empty>;
  return (
    <>
      <button type="button" className="secondary" onClick={onExport}>
        Export CSV
      </button>
      <DataTable rows={all ? rows : rows.slice(0, 50)} columns={ORG_COLUMNS} rowKey={(o) => o.id} />
      {!all && rows.length > 50 && (
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          Show all {n(rows.length)} organizations (most open hosts first)
        </button>
      )}
    </>
  );
}
