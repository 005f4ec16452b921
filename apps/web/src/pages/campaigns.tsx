import { api, type Campaign } from "../api/index.ts";
import { TlpBadge } from "../components/badges.tsx";
import { CampaignForm, emptyCampaign } from "../components/campaign-form.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { date } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

const COLUMNS: Column<Campaign>[] = [
  { header: "Name", cell: (c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
  { header: "CVEs", mono: true, cell: (c) => c.cves.join(", ") || "—" },
  { header: "Severity", cell: (c) => c.severity },
  { header: "TLP", cell: (c) => <TlpBadge tlp={c.tlp} /> },
  { header: "Created", cell: (c) => date(c.createdAt) },
  {
    header: "Progress",
    hiddenHeader: true,
    cell: (c) => (
      <Link to={`/campaigns/${c.id}/progress`} aria-label={`Progress of ${c.name}`}>
        Progress
      </Link>
    ),
  },
];

export function CampaignsPage() {
  const canCreate = useCan("analyst");
  const campaigns = useAsync(() => api.campaigns.listCampaigns(), []);
  return (
    <>
      <PageHead title="Campaigns">
        {canCreate && (
          <Link to="/campaigns/new" className="button">
            New campaign
          </Link>
        )}
      </PageHead>
      <AsyncView state={campaigns} what="campaigns">
        {(items) =>
          items.length === 0 ? (
            <Empty>
              No campaign yet. A campaign describes one problem (a vulnerability) and the advice owners get about it.
            </Empty>
          ) : (
            <DataTable rows={items} columns={COLUMNS} rowKey={(c) => c.id} />
          )
        }
      </AsyncView>
    </>
  );
}

export function NewCampaignPage() {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/campaigns">Campaigns</Link> /
      </p>
      <h1>New campaign</h1>
      <CampaignForm
        initial={emptyCampaign()}
        submitLabel="Create campaign"
        onSubmit={async (input) => navigate(`/campaigns/${(await api.campaigns.createCampaign(input)).id}`)}
        onCancel={() => navigate("/campaigns")}
      />
    </>
  );
}
