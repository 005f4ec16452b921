// Undeliverable contacts across the registry (issue 15): later notices leave each out until staff fix it on
// its organization's page, so this list is where a bounce becomes someone's task.
import { useState } from "react";
import { api, type ContactToFix } from "../api/index.ts";
import { StatusBadge } from "../components/badges.tsx";
import { ContactHealthView, LastBounce } from "../components/contact-health.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { Pager } from "../components/pager.tsx";
import { AsyncView, Empty } from "../components/status.tsx";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

const COLUMNS: Column<ContactToFix>[] = [
  { header: "E-mail", mono: true, cell: (c) => c.email },
  {
    header: "Organization",
    cell: (c) => (
      <>
        <Link to={`/organizations/${c.organization.id}`}>{c.organization.name}</Link>
        {c.organization.noDeliverableContact && (
          <>
            {" "}
            <StatusBadge status="failed" label="no deliverable contact" />
          </>
        )}
      </>
    ),
  },
  { header: "Health", cell: (c) => <ContactHealthView health={c.health} /> },
  { header: "Last bounce", cell: (c) => <LastBounce health={c.health} /> },
];

export function ContactsToFixPage() {
  const [page, setPage] = useState(1);
  const contacts = useAsync(() => api.organizations.contactsToFix(page), [page]);
  return (
    <>
      <h1>Contacts to fix</h1>
      <p className="muted">
        Addresses that bounced for good. Notices leave them out until they are marked fixed or changed on their
        organization’s page.
      </p>
      <AsyncView state={contacts} what="the contacts to fix">
        {(p) =>
          p.total === 0 ? (
            <Empty>Every contact in the registry is deliverable as far as is known.</Empty>
          ) : (
            <>
              <DataTable rows={p.items} columns={COLUMNS} rowKey={(c) => c.id} label="Contacts to fix" />
              <Pager page={p} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
