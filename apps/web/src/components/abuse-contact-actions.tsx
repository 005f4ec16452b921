// An abuse mailbox's organization, made by the fallback (issue 14): where its mailbox was found, whether it
// is blocked, and (admins) block it with a reason, unblock it, or promote it to a registered organization.
import { useState, type FormEvent } from "react";
import { api, type OrgDetail } from "../api/index.ts";
import { dateTime } from "../lib/format.ts";
import { useAction } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";
import { TextField } from "./fields.tsx";
import { ErrorBox } from "./status.tsx";

export function AbuseContactActions({ org, onChanged }: { org: OrgDetail; onChanged: () => void }) {
  const isAdmin = useCan("admin");
  const { reach } = org;
  const [reason, setReason] = useState("");
  const [name, setName] = useState(org.name);
  const { busy, error, act } = useAction();
  if (reach.kind !== "abuse_contact") return null;
  const block = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.organizations.blockAbuseContact(org.id, reason);
      setReason("");
      onChanged();
    });
  };
  const unblock = () => void act(async () => (await api.organizations.unblockAbuseContact(org.id), onChanged()));
  const promote = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => (await api.organizations.promoteAbuseContact(org.id, name.trim() || undefined), onChanged()));
  };
  return (
    <section aria-labelledby="abuse-contact-title" className="card">
      <h2 id="abuse-contact-title">Abuse contact</h2>
      <p className="muted">
        Made for an abuse mailbox that hosts no registered organization matches reach; not in the registry’s list.
      </p>
      <dl className="facts">
        <dt>Mailbox</dt>
        <dd className="mono">{reach.abuseMailbox ?? "—"}</dd>
        <dt>Found in</dt>
        <dd>{[reach.contactSource, reach.provenance].filter(Boolean).join(": ") || "—"}</dd>
        <dt>Status</dt>
        <dd data-testid="abuse-contact-status">
          {reach.blockedAt
            ? `Blocked since ${dateTime(reach.blockedAt)}: ${reach.blockedReason ?? ""}`
            : "Notified like any organization"}
        </dd>
      </dl>
      {isAdmin && (
        <div className="columns">
          {reach.blockedAt ? (
            <div className="actions">
              <button type="button" className="secondary" onClick={unblock} disabled={busy}>
                Unblock
              </button>
            </div>
          ) : (
            <form onSubmit={block}>
              <TextField
                id="block-reason"
                label="Reason for blocking"
                hint="never mailed again; kept in the audit log"
                value={reason}
                onChange={setReason}
                required
                maxLength={1000}
              />
              <button type="submit" className="danger" disabled={busy || reason.trim() === ""}>
                Block
              </button>
            </form>
          )}
          <form onSubmit={promote}>
            <TextField id="promote-name" label="Name in the registry" value={name} onChange={setName} maxLength={200} />
            <button type="submit" disabled={busy}>
              Promote to registered organization
            </button>
          </form>
        </div>
      )}
      <ErrorBox error={error} title="Not changed" />
    </section>
  );
}
