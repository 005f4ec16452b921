import { useState } from "react";
import { api, type OrgProgress } from "../api/index.ts";
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
              progress.days.map((d) => [d.date, d.notified, d.answered, d.claimedFixed, d.gone, d.open]),
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
                  <div className="table-wrap">
                    <table className="compact">
                      <thead>
                        <tr>
                          <th scope="col">Day</th>
                          <th scope="col" className="num">
                            Notified
                          </th>
                          <th scope="col" className="num">
                            Answered
                          </th>
                          <th scope="col" className="num">
                            Claimed fixed
                          </th>
                          <th scope="col" className="num">
                            Gone
                          </th>
                          <th scope="col" className="num">
                            Still open
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {progress.days.map((d) => (
                          <tr key={d.date}>
                            <td>{d.date}</td>
                            <td className="num">{n(d.notified)}</td>
                            <td className="num">{n(d.answered)}</td>
                            <td className="num">{n(d.claimedFixed)}</td>
                            <td className="num">{n(d.gone)}</td>
                            <td className="num">{n(d.open)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
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

function OrganizationTable({ rows, onExport }: { rows: OrgProgress[]; onExport: () => void }) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return <Empty>No host of a registered organization in this campaign yet.</Empty>;
  return (
    <>
      <button type="button" className="secondary" onClick={onExport}>
        Export CSV
      </button>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col" className="num">
                Hosts
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Gone
              </th>
              <th scope="col" className="num">
                Answered
              </th>
              <th scope="col">State</th>
              <th scope="col">Last answer</th>
            </tr>
          </thead>
          <tbody>
            {(all ? rows : rows.slice(0, 50)).map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                </td>
                <td className="num">{n(o.hosts)}</td>
                <td className="num">{n(o.open)}</td>
                <td className="num">{n(o.gone)}</td>
                <td className="num">{n(o.answered)}</td>
                <td>
                  <span className={`state state-${o.state.replaceAll(" ", "_").replaceAll(",", "")}`}>
                    {words(o.state)}
                  </span>
                </td>
                <td>{dateTime(o.lastAnswerAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && rows.length > 50 && (
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          Show all {n(rows.length)} organizations (most open hosts first)
        </button>
      )}
    </>
  );
}
