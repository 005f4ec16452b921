import { api } from "../api/index.ts";
import { CampaignForm, emptyCampaign } from "../components/campaign-form.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { date, tlpLabel } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

export function CampaignsPage() {
  const canCreate = useCan("analyst");
  const campaigns = useAsync(() => api.campaigns.listCampaigns(), []);
  return (
    <>
      <div className="page-head">
        <h1>Campaigns</h1>
        {canCreate && (
          <Link to="/campaigns/new" className="button">
            New campaign
          </Link>
        )}
      </div>
      <AsyncView state={campaigns} what="campaigns">
        {(items) =>
          items.length === 0 ? (
            <Empty>
              No campaign yet. A campaign describes one problem (a vulnerability) and the advice owners get about it.
            </Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">CVEs</th>
                    <th scope="col">Severity</th>
                    <th scope="col">TLP</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Progress</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                      </td>
                      <td className="mono">{c.cves.join(", ") || "—"}</td>
                      <td>{c.severity}</td>
                      <td>
                        <span className={`tlp tlp-${c.tlp}`}>{tlpLabel(c.tlp)}</span>
                      </td>
                      <td>{date(c.createdAt)}</td>
                      <td>
                        <Link to={`/campaigns/${c.id}/progress`} aria-label={`Progress of ${c.name}`}>
                          Progress
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
