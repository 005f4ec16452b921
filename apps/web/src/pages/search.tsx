import type { ReactNode } from "react";
import { api, type SearchResult } from "../api/index.ts";
import { OrgLink, StatusBadge } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { dateTime, n, words } from "../lib/format.ts";
import { Link, useLocation } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

type Items<K extends keyof SearchResult> = SearchResult[K] extends { items: (infer T)[] } ? T : never;

const READ_AS: Record<SearchResult["query"]["kind"], string> = {
  ip: "an IP address",
  cidr: "a network",
  notice_reference: "a notice reference",
  report_reference: "an incident report reference",
  email: "an e-mail address",
  hostname: "a host or domain name (and every name under it)",
  text: "part of an organization's or reporter's name",
};

// Two columns: on a phone they still fit side by side (tables of more than three stack as cards).
const organizations: Column<Items<"organizations">>[] = [
  {
    header: "Organization",
    cell: (o) => (
      <>
        <OrgLink org={o} />
        {o.sector && <span className="muted"> · {o.sector}</span>}
      </>
    ),
  },
  { header: "Found by", cell: (o) => o.why },
];
const lists: Column<Items<"lists">>[] = [
  { header: "List", cell: (l) => <Link to={`/lists/${l.id}`}>{l.fileName}</Link> },
  { header: "Uploaded", cell: (l) => dateTime(l.createdAt) },
  { header: "Rows found", num: true, cell: (l) => (l.hits ? n(l.hits) : "—") },
];
const exposures: Column<Items<"exposures">>[] = [
  { header: "Address", mono: true, cell: (e) => `${e.ip ?? ""}${e.port !== null ? `:${e.port}` : ""}` },
  { header: "Host name", mono: true, cell: (e) => e.hostname ?? "" },
  { header: "Owner", cell: (e) => (e.organization ? <OrgLink org={e.organization} /> : <em>unmatched</em>) },
  {
    header: "List",
    cell: (e) => (
      <Link to={`/lists/${e.listId}`}>
        {e.fileName}, line {e.line}
      </Link>
    ),
  },
  { header: "Seen", cell: (e) => dateTime(e.seenAt) },
];
const notices: Column<Items<"notices">>[] = [
  {
    header: "Notice",
    mono: true,
    cell: (nt) => <Link to={`/notices/${nt.id}`}>{nt.reference}</Link>,
  },
  { header: "Organization", cell: (nt) => <OrgLink org={nt.organization} /> },
  { header: "Campaign", cell: (nt) => <Link to={`/campaigns/${nt.campaign.id}`}>{nt.campaign.name}</Link> },
  { header: "Status", cell: (nt) => <StatusBadge status={nt.status} /> },
  { header: "To", cell: (nt) => nt.recipients.join(", ") },
  { header: "Created", cell: (nt) => dateTime(nt.createdAt) },
];
const answers: Column<Items<"answers">>[] = [
  {
    header: "Answer",
    cell: (a) => (
      <>
        {words(a.answer)}
        {a.compromise === "yes" && <strong className="bad"> · compromise found</strong>}
      </>
    ),
  },
  { header: "Host", mono: true, cell: (a) => a.host ?? "all hosts" },
  { header: "Organization", cell: (a) => <OrgLink org={a.organization} /> },
  { header: "Notice", mono: true, cell: (a) => <Link to={`/notices/${a.noticeId}`}>{a.reference}</Link> },
  { header: "At", cell: (a) => dateTime(a.at) },
  { header: "Comment", cell: (a) => a.comment ?? "" },
];
const reports: Column<Items<"reports">>[] = [
  { header: "Report", mono: true, cell: (r) => <Link to={`/reports/${r.id}`}>{r.reference}</Link> },
  { header: "Received", cell: (r) => dateTime(r.createdAt) },
  { header: "Type", cell: (r) => words(r.rsitClass) },
  { header: "Organization", cell: (r) => r.organizationName ?? "—" },
  { header: "Status", cell: (r) => <StatusBadge status={r.status} label={words(r.status)} /> },
];

function Group<T>({
  id,
  title,
  group,
  columns,
  rowKey,
}: {
  id: string;
  title: string;
  group: { total: number; items: T[] };
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
}): ReactNode {
  if (group.total === 0) return null;
  const more = group.total > group.items.length;
  return (
    <section className="search-group" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="badge">{group.total >= 10_000 ? "10,000+" : n(group.total)}</span>
      </h2>
      <DataTable rows={group.items} columns={columns} rowKey={rowKey} label={title} />
      {more && <p className="muted">The first {group.items.length} shown.</p>}
    </section>
  );
}

/** Everything touching what was asked, grouped. */
export function SearchPage() {
  const { search } = useLocation();
  const q = search.get("q")?.trim() ?? "";
  const result = useAsync(() => (q ? api.search.search(q) : Promise.resolve(null)), [q]);
  return (
    <>
      <PageHead title={q ? `Search: ${q}` : "Search"} />
      {!q ? (
        <Empty>Type an IP address, a network, a host or domain name, an e-mail, a reference or a name above.</Empty>
      ) : (
        <AsyncView state={result} what="the results">
          {(r) =>
            r && (
              <>
                <p className="muted">
                  Read as {READ_AS[r.query.kind]}: <span className="mono">{r.query.value}</span>
                </p>
                {[r.organizations, r.lists, r.exposures, r.notices, r.answers, r.reports].every(
                  (g) => g.total === 0,
                ) && <Empty>Nothing touches it.</Empty>}
                <Group
                  id="found-organizations"
                  title="Organizations"
                  group={r.organizations}
                  columns={organizations}
                  rowKey={(o) => o.id}
                />
                <Group id="found-notices" title="Notices" group={r.notices} columns={notices} rowKey={(x) => x.id} />
                <Group
                  id="found-answers"
                  title="Owners' answers"
                  group={r.answers}
                  columns={answers}
                  rowKey={(x) => x.id}
                />
                <Group
                  id="found-reports"
                  title="Incident reports"
                  group={r.reports}
                  columns={reports}
                  rowKey={(x) => x.id}
                />
                <Group
                  id="found-exposures"
                  title="Exposures"
                  group={r.exposures}
                  columns={exposures}
                  rowKey={(x) => x.id}
                />
                <Group id="found-lists" title="Lists" group={r.lists} columns={lists} rowKey={(x) => x.id} />
              </>
            )
          }
        </AsyncView>
      )}
    </>
  );
}
