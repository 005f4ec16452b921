import { useState, type FormEvent } from "react";
import { api, type Exposure, type ListDetail } from "../api/index.ts";
import { CoverageCard } from "../components/coverage-card.tsx";
import { DeleteList } from "../components/delete-list.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { OrgLink } from "../components/badges.tsx";
import { OrgPicker, resolvePicked, type PickedOrganization } from "../components/org-picker.tsx";
import { Pager } from "../components/pager.tsx";
import { AsyncView, DetailList, Empty, ErrorBox, Loading } from "../components/status.tsx";
import { dateTime, n, tlpLabel, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAction, useAsync, usePolling } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

export function ListDetailPage({ id }: { id: string }) {
  const list = useAsync(() => api.lists.getList(id), [id]);
  const canDelete = useCan("admin");
  const unmatchedOnScreen = list.data
    ? list.data.summary.matched + list.data.summary.unmatched < list.data.accepted && !list.data.matchedAt
    : false;
  // Matching may finish after the upload answered: follow it until every accepted row has an outcome.
  usePolling(list.reload, 1500, unmatchedOnScreen);
  return (
    <AsyncView state={list} what="the list">
      {(l) => (
        <>
          <p className="breadcrumb">
            <Link to="/lists">Lists</Link> /
          </p>
          <div className="page-head">
            <h1>{l.fileName}</h1>
            {canDelete && (
              <div className="actions">
                <DeleteList listId={l.id} />
              </div>
            )}
          </div>
          <p className="muted">
            {[l.source, l.format, tlpLabel(l.tlp), `uploaded ${dateTime(l.createdAt)}`].filter(Boolean).join(" · ")}
            {l.campaign && (
              <>
                {" · campaign "}
                <Link to={`/campaigns/${l.campaign.id}`}>{l.campaign.name}</Link>
              </>
            )}
          </p>
          <ReportLine list={l} />
          <Summary list={l} matching={unmatchedOnScreen} />
          <CoverageCard coverage={l.summary.coverage} what="list" lookedUpAt={l.contactsLookedUpAt} />
          <Rematch listId={l.id} onDone={() => void list.reload()} />
          {l.rejected > 0 && <RejectedRows listId={l.id} />}
          <MatchedOrganizations list={l} />
          <UnmatchedRows list={l} onAssigned={() => void list.reload()} />
        </>
      )}
    </AsyncView>
  );
}

/** What kind of report the list is: its type, default severity and incident classification. */
function ReportLine({ list }: { list: ListDetail }) {
  if (!list.reportName && !list.severity) return null;
  const c = list.classification;
  return (
    <dl className="report-line" data-testid="list-report">
      {list.reportName && (
        <div>
          <dt>Report</dt>
          <dd>
            {list.reportName}
            {list.reportType && list.reportType !== list.reportName && (
              <span className="mono"> ({list.reportType})</span>
            )}
          </dd>
        </div>
      )}
      {list.severity && (
        <div>
          <dt>Severity</dt>
          <dd>{list.severity}</dd>
        </div>
      )}
      {c && (
        <div>
          <dt>Classification</dt>
          <dd>
            {words(c.taxonomy)} / {words(c.type)}
            {c.identifier && <span className="muted"> ({c.identifier})</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

function Summary({ list, matching }: { list: ListDetail; matching: boolean }) {
  const stat = (label: string, value: number, testId: string) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{n(value)}</dd>
    </div>
  );
  return (
    <section aria-labelledby="summary-title" className="card">
      <h2 id="summary-title">Summary</h2>
      <dl className="stats">
        {stat("Rows read", list.rows, "rows")}
        {stat("Accepted", list.accepted, "accepted")}
        {stat("Rejected", list.rejected, "rejected")}
        {stat("Duplicates folded", list.duplicates, "duplicates")}
        {stat("Matched", list.summary.matched, "matched")}
        {stat("Unmatched", list.summary.unmatched, "unmatched")}
        {stat("Organizations", list.summary.organizations.length, "organizations")}
      </dl>
      {matching && <Loading what="match results (matching is still running)" />}
      {Object.keys(list.summary.byReason).length > 0 && (
        <p className="muted">
          Matched by{" "}
          {Object.entries(list.summary.byReason)
            .map(([reason, count]) => `${words(reason)}: ${n(count)}`)
            .join(" · ")}
        </p>
      )}
    </section>
  );
}

/** After the registry changed (an organization registered a network), match the list again in one call. */
function Rematch({ listId, onDone }: { listId: string; onDone: () => void }) {
  const canRematch = useCan("analyst");
  const { busy, error, act } = useAction();
  if (!canRematch) return null;
  const run = () =>
    act(async () => {
      await api.lists.rematchList(listId);
      onDone();
    });
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void run()} disabled={busy}>
        {busy ? "Matching again…" : "Match again against the current registry"}
      </button>
      <ErrorBox error={error} title="Not matched again" />
    </div>
  );
}

function RejectedRows({ listId }: { listId: string }) {
  const errors = useAsync(() => api.lists.listErrors(listId), [listId]);
  return (
    <section aria-labelledby="rejected-title">
      <h2 id="rejected-title">Rejected rows</h2>
      <AsyncView state={errors} what="the rejected rows">
        {(details) =>
          details.length === 0 ? <Empty>No rejected row recorded.</Empty> : <DetailList details={details} limit={100} />
        }
      </AsyncView>
    </section>
  );
}

function MatchedOrganizations({ list }: { list: ListDetail }) {
  const [all, setAll] = useState(false);
  const { organizations } = list.summary;
  const shown = all ? organizations : organizations.slice(0, 10);
  return (
    <section aria-labelledby="matched-title">
      <h2 id="matched-title">Matched organizations</h2>
      {organizations.length === 0 ? (
        <Empty>No row matched a registered organization.</Empty>
      ) : (
        <>
          <DataTable
            rows={shown}
            rowKey={(o) => o.id}
            columns={[
              { header: "Organization", cell: (o) => <OrgLink org={o} /> },
              { header: "Hosts", num: true, cell: (o) => n(o.count) },
            ]}
          />
          {organizations.length > shown.length && (
            <button type="button" className="secondary" onClick={() => setAll(true)}>
              Show all {n(organizations.length)} organizations
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** A network and a domain to offer for registration, guessed from the rows chosen. */
function guesses(rows: Exposure[]) {
  const ip = rows.find((r) => r.ip)?.ip ?? "";
  const network = ip.includes(":") ? `${ip}/128` : ip ? `${ip}/32` : "";
  const host = rows.find((r) => r.hostname)?.hostname ?? "";
  const domain = host.split(".").slice(-2).join(".");
  return { network, domain };
}

const EXPOSURE_COLUMNS: Column<Exposure>[] = [
  { header: "Line", cell: (e) => e.line ?? "—" },
  { header: "IP or network", mono: true, cell: (e) => e.ip ?? "—" },
  { header: "Port", cell: (e) => e.port ?? "—" },
  { header: "Hostname", mono: true, cell: (e) => e.hostname ?? "—" },
  { header: "Severity", cell: (e) => e.severity ?? "—" },
  { header: "Seen", cell: (e) => dateTime(e.seenAt) },
];

function UnmatchedRows({ list, onAssigned }: { list: ListDetail; onAssigned: () => void }) {
  const canAssign = useCan("analyst");
  const [page, setPage] = useState(1);
  const rows = useAsync(
    () => api.lists.listExposures(list.id, { matched: false, page }),
    [list.id, page, list.summary.unmatched],
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">Unmatched rows</h2>
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <AsyncView state={rows} what="the unmatched rows">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>Every accepted row matched an organization.</Empty>
          ) : (
            <>
              <DataTable
                rows={p.items}
                rowKey={(e) => e.id}
                columns={[
                  ...(canAssign
                    ? [
                        {
                          header: "Select",
                          hiddenHeader: true,
                          cell: (e: Exposure) => (
                            <input
                              type="checkbox"
                              aria-label={`Select ${e.ip ?? e.hostname ?? `row ${e.line}`}`}
                              checked={selected.has(e.id)}
                              onChange={() => toggle(e.id)}
                            />
                          ),
                        },
                      ]
                    : []),
                  ...EXPOSURE_COLUMNS,
                ]}
              />
              <Pager page={p} onPage={setPage} />
              {canAssign && (
                <AssignForm
                  listId={list.id}
                  rows={p.items.filter((e) => selected.has(e.id))}
                  onDone={(message) => {
                    setSelected(new Set());
                    setDone(message);
                    onAssigned();
                  }}
                />
              )}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}

function AssignForm({ listId, rows, onDone }: { listId: string; rows: Exposure[]; onDone: (message: string) => void }) {
  // Assigning rows is an analyst's list work; creating an organization or registering a network or domain
  // changes the registry, which only admins do (the API answers others 403).
  const canChangeRegistry = useCan("admin");
  const [picked, setPicked] = useState<PickedOrganization>(null);
  const [registerNetwork, setRegisterNetwork] = useState(false);
  const [registerDomain, setRegisterDomain] = useState(false);
  const guess = guesses(rows);
  const [network, setNetwork] = useState("");
  const [domain, setDomain] = useState("");
  const { busy, error, act } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked || rows.length === 0) return;
    await act(async () => {
      const org = await resolvePicked(picked);
      const answer = await api.lists.assignExposures(listId, {
        organizationId: org.id,
        exposureIds: rows.map((r) => r.id),
        registerNetwork: registerNetwork ? network || guess.network : undefined,
        registerDomain: registerDomain ? domain || guess.domain : undefined,
      });
      onDone(`${n(answer.changed || rows.length)} row(s) assigned to ${org.name}.`);
    });
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="assign-title">
      <h3 id="assign-title">Assign the selected rows</h3>
      {rows.length === 0 ? (
        <p className="muted">Select rows in the table above.</p>
      ) : (
        <p>{n(rows.length)} row(s) selected.</p>
      )}
      <OrgPicker idPrefix="assign" allowCreate={canChangeRegistry} onChange={setPicked} />
      {canChangeRegistry && (
        <fieldset>
          <legend>So the next list matches by itself (optional)</legend>
          <label className="choice">
            <input type="checkbox" checked={registerNetwork} onChange={(e) => setRegisterNetwork(e.target.checked)} />{" "}
            Register the network to this organization
          </label>
          {registerNetwork && (
            <>
              <label htmlFor="assign-network">Network (CIDR)</label>
              <input
                id="assign-network"
                className="mono"
                value={network}
                placeholder={guess.network || "192.0.2.0/24"}
                onChange={(e) => setNetwork(e.target.value)}
              />
            </>
          )}
          <label className="choice">
            <input type="checkbox" checked={registerDomain} onChange={(e) => setRegisterDomain(e.target.checked)} />{" "}
            Register the domain to this organization
          </label>
          {registerDomain && (
            <>
              <label htmlFor="assign-domain">Domain</label>
              <input
                id="assign-domain"
                className="mono"
                value={domain}
                placeholder={guess.domain || "example.org"}
                onChange={(e) => setDomain(e.target.value)}
              />
            </>
          )}
        </fieldset>
      )}
      <ErrorBox error={error} title="Not assigned" />
      <div className="actions">
        <button type="submit" disabled={busy || !picked || rows.length === 0}>
          {busy ? "Assigning…" : "Assign"}
        </button>
      </div>
    </form>
  );
}
