import { useState } from "react";
import { api, type OrgProgress, type ProgressDay, type SectorProgress } from "../api/index.ts";
import { OrgLink } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { Pager } from "../components/pager.tsx";
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
  const [orgPage, setOrgPage] = useState(1);
  const [sector, setSector] = useState<string | undefined>(undefined);
  const organizations = useAsync(
    () => api.campaigns.organizationProgress(id, { page: orgPage, pageSize: 50, sector }),
    [id, orgPage, sector],
  );
  const sectors = useAsync(() => api.campaigns.sectorProgress(id), [id]);
  return (
    <AsyncView state={data} what="the progress">
      {({ campaign, progress }) => {
        const last = progress.days.at(-1);
        const exportOrganizations = async () => {
          const all = await api.campaigns.organizationProgress(id, { page: 1, pageSize: 500, sector });
          const rows = [...all.items];
          for (let page = 2; (page - 1) * 500 < all.total; page++)
            rows.push(...(await api.campaigns.organizationProgress(id, { page, pageSize: 500, sector })).items);
          download(
            `${campaign.name.replace(/[^\w.-]+/g, "_")}-organizations.csv`,
            toCsv(
              ["organization", "sector", "hosts", "still open", "gone", "answered", "state", "last answer"],
              rows.map((o) => [
                o.name,
                o.sector ?? "",
                o.hosts,
                o.stillOpen,
                o.gone,
                o.answered,
                orgState(o),
                o.lastAnswerAt ?? "",
              ]),
            ),
          );
        };
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
                onClick={() => void Promise.all([data.reload(), organizations.reload(), sectors.reload()])}
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
            <section aria-labelledby="sector-title">
              <h2 id="sector-title">Sectors</h2>
              <AsyncView state={sectors} what="the sectors">
                {(rows) =>
                  rows.length === 0 ? (
                    <Empty>No host of a registered organization in this campaign yet.</Empty>
                  ) : (
                    <DataTable rows={rows} columns={SECTOR_COLUMNS} rowKey={(s) => s.sector ?? ""} label="Sectors" />
                  )
                }
              </AsyncView>
            </section>
            <section aria-labelledby="org-state-title">
              <h2 id="org-state-title">Organizations</h2>
              <AsyncView state={sectors} what="the sectors">
                {(rows) => (
                  <label>
                    Sector{" "}
                    <select
                      value={sector ?? "*"}
                      onChange={(e) => {
                        setOrgPage(1);
                        setSector(e.target.value === "*" ? undefined : e.target.value);
                      }}
                    >
                      <option value="*">every sector</option>
                      {rows.map((s) => (
                        <option key={s.sector ?? ""} value={s.sector ?? ""}>
                          {s.sector ?? "no sector"}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </AsyncView>
              <AsyncView state={organizations} what="the organizations">
                {(page) =>
                  page.total === 0 ? (
                    <Empty>No host of a registered organization in this campaign yet.</Empty>
                  ) : (
                    <>
                      <button type="button" className="secondary" onClick={() => void exportOrganizations()}>
                        Export CSV
                      </button>
                      <DataTable rows={page.items} columns={ORG_COLUMNS} rowKey={(o) => o.id} label="Organizations" />
                      <Pager page={page} onPage={setOrgPage} />
                    </>
                  )
                }
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

/** An organization's state as staff should read it: claimed fixed yet still seen, all gone, or its latest answer. */
const orgState = (o: OrgProgress) =>
  o.claimedFixedStillSeen > 0
    ? "claimed fixed, still seen"
    : o.gone === o.hosts
      ? "gone"
      : (o.latestAnswer ?? (o.stillOpen > 0 ? "open" : "—"));

const ORG_COLUMNS: Column<OrgProgress>[] = [
  { header: "Organization", cell: (o) => <OrgLink org={o} /> },
  { header: "Sector", cell: (o) => o.sector ?? <span className="muted">—</span> },
  { header: "Hosts", num: true, cell: (o) => n(o.hosts) },
  { header: "Still open", num: true, cell: (o) => n(o.stillOpen) },
  { header: "Gone", num: true, cell: (o) => n(o.gone) },
  { header: "Answered", num: true, cell: (o) => n(o.answered) },
  {
    header: "State",
    cell: (o) => {
      const state = orgState(o);
      return <span className={`state state-${state.replaceAll(" ", "_").replaceAll(",", "")}`}>{words(state)}</span>;
    },
  },
  { header: "Last answer", cell: (o) => dateTime(o.lastAnswerAt) },
];

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const SECTOR_COLUMNS: Column<SectorProgress>[] = [
  { header: "Sector", cell: (s) => s.sector ?? <span className="muted">no sector</span> },
  { header: "Organizations", num: true, cell: (s) => n(s.organizations) },
  { header: "Hosts", num: true, cell: (s) => n(s.hosts) },
  { header: "Answered", num: true, cell: (s) => percent(rate(s.answered, s.notified)) },
  { header: "Gone", num: true, cell: (s) => percent(rate(s.gone, s.notified)) },
  { header: "Remediated", num: true, cell: (s) => percent(rate(s.remediated, s.notified)) },
  { header: "Still open", num: true, cell: (s) => n(s.stillOpen) },
  { header: "Median time to answer", num: true, cell: (s) => hours(s.medianHoursToAnswer) },
  { header: "Median time to gone", num: true, cell: (s) => hours(s.medianHoursToGone) },
];
