import { useState } from "react";
import { api, type Contact, type OrgDetail, type OrgInput, type PastNotice } from "../api/index.ts";
import { AbuseContactActions } from "../components/abuse-contact-actions.tsx";
import { ContactHealthView, LastBounce } from "../components/contact-health.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { PageHead } from "../components/layout.tsx";
import { noticeColumns } from "../components/notice-columns.tsx";
import { OrganizationForm } from "../components/organization-form.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime, words } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

const toInput = (o: OrgDetail): OrgInput => ({
  name: o.name,
  sector: o.sector,
  country: o.country,
  language: o.language,
  active: o.active,
  fallbackEmail: o.delivery.fallbackEmail,
  contacts: o.contacts.map(({ id: _id, health: _health, ...c }) => c),
  cidrs: o.networks.map((n) => n.cidr),
  asns: o.asns.map((a) => a.asn),
  domains: o.domains.map((d) => d.name),
});

export function NewOrganizationPage() {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/organizations">Organizations</Link> /
      </p>
      <h1>New organization</h1>
      <OrganizationForm
        initial={{
          name: "",
          sector: null,
          country: "BE",
          language: "nl",
          active: true,
          fallbackEmail: null,
          contacts: [],
          cidrs: [],
          asns: [],
          domains: [],
        }}
        submitLabel="Create"
        onSubmit={async (input) => navigate(`/organizations/${(await api.organizations.createOrganization(input)).id}`)}
        onCancel={() => navigate("/organizations")}
      />
    </>
  );
}

export function OrganizationDetailPage({ id }: { id: string }) {
  // The registry is changed by admins only (the API answers others 403).
  const canEdit = useCan("admin");
  const org = useAsync(() => api.organizations.getOrganization(id), [id]);
  const [editing, setEditing] = useState(false);
  return (
    <AsyncView state={org} what="the organization">
      {(o) => (
        <>
          <p className="breadcrumb">
            <Link to="/organizations">Organizations</Link> /
          </p>
          <PageHead
            title={
              <>
                {o.name} {!o.active && <span className="badge">inactive</span>}
              </>
            }
          >
            {canEdit && !editing && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
          </PageHead>
          {editing ? (
            <OrganizationForm
              initial={toInput(o)}
              submitLabel="Save"
              onSubmit={async (input) => {
                await api.organizations.updateOrganization(o, input);
                setEditing(false);
                await org.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <OrganizationView org={o} onChanged={() => void org.reload()} />
          )}
          <AbuseContactActions org={o} onChanged={() => void org.reload()} />
          <PastNotices organizationId={o.id} />
        </>
      )}
    </AsyncView>
  );
}

function OrganizationView({ org, onChanged }: { org: OrgDetail; onChanged: () => void }) {
  // Marking a contact fixed is an analyst's call on a bounce, not a registry edit.
  const canFix = useCan("analyst");
  return (
    <>
      <dl className="facts">
        <dt>Sector</dt>
        <dd>{org.sector ?? "—"}</dd>
        <dt>Country</dt>
        <dd>{org.country ?? "—"}</dd>
        <dt>Language of notices</dt>
        <dd>{org.language}</dd>
        <dt>Fallback contact</dt>
        <dd>{org.delivery.fallbackEmail ?? "—"}</dd>
      </dl>
      {org.delivery.noDeliverableContactSince && (
        <p className="notice" role="status">
          No deliverable contact since {dateTime(org.delivery.noDeliverableContactSince)}: a notice reached no one and
          had nowhere else to go.
        </p>
      )}
      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">Contacts</h2>
        {org.contacts.length === 0 ? (
          <Empty>No contact: notices would be reported as “no contact”.</Empty>
        ) : (
          <DataTable
            rows={org.contacts}
            rowKey={(c) => c.id}
            columns={[
              { header: "E-mail", cell: (c) => c.email },
              { header: "Name", cell: (c) => c.name || "—" },
              { header: "Role", cell: (c) => c.role },
              { header: "Language", cell: (c) => c.language ?? `${org.language} (organization’s)` },
              { header: "OpenPGP", cell: (c) => (c.pgpPublicKey ? "key registered" : "—") },
              { header: "Active", cell: (c) => (c.active ? "yes" : "no") },
              { header: "Health", cell: (c) => <ContactHealthView health={c.health} /> },
              { header: "Last bounce", cell: (c) => <LastBounce health={c.health} /> },
              {
                header: "Actions",
                hiddenHeader: true,
                cell: (c) =>
                  canFix && !c.health.deliverable ? (
                    <MarkFixed organizationId={org.id} contact={c} onDone={onChanged} />
                  ) : null,
              },
            ]}
          />
        )}
      </section>
      <div className="columns">
        <Values title="Networks" values={org.networks.map((n) => n.cidr)} empty="No network registered." />
        <Values title="ASNs" values={org.asns.map((a) => `AS${a.asn}`)} empty="No ASN registered." />
        <Values title="Domains" values={org.domains.map((d) => d.name)} empty="No domain registered." />
      </div>
    </>
  );
}

function MarkFixed({
  organizationId,
  contact,
  onDone,
}: {
  organizationId: string;
  contact: Contact;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={`Mark ${contact.email} fixed`}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await api.organizations.markContactFixed(organizationId, contact.id);
            onDone();
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        Mark fixed
      </button>
      {error !== null && <ErrorBox error={error} title="Not marked fixed" />}
    </>
  );
}

function Values({ title, values, empty }: { title: string; values: string[]; empty: string }) {
  return (
    <section>
      <h2>{title}</h2>
      {values.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="mono plain">
          {values.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const NOTICE_COLUMNS: Column<PastNotice>[] = [
  noticeColumns.reference,
  {
    header: "Campaign",
    cell: (nt) => (nt.campaign.id ? <Link to={`/campaigns/${nt.campaign.id}`}>{nt.campaign.name}</Link> : "—"),
  },
  noticeColumns.kind,
  noticeColumns.status,
  noticeColumns.hosts,
  noticeColumns.sent,
  {
    header: "Answers",
    cell: (nt) =>
      nt.answers.length === 0 ? (
        <span className="muted">no answer</span>
      ) : (
        <ul className="plain">
          {nt.answers.map((a, i) => (
            <li key={i}>
              <strong>{words(a.answer)}</strong>
              {a.host && <span className="mono"> {a.host}</span>} <span className="muted">{dateTime(a.at)}</span>
              {a.comment && <q>{a.comment}</q>}
            </li>
          ))}
        </ul>
      ),
  },
];

function PastNotices({ organizationId }: { organizationId: string }) {
  const notices = useAsync(() => api.organizations.organizationNotices(organizationId), [organizationId]);
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">Past notices and answers</h2>
      <AsyncView state={notices} what="past notices">
        {(items) =>
          items.length === 0 ? (
            <Empty>No notice sent to this organization yet.</Empty>
          ) : (
            <DataTable rows={items} columns={NOTICE_COLUMNS} rowKey={(nt) => nt.id} />
          )
        }
      </AsyncView>
    </section>
  );
}
