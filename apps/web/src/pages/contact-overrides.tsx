// Staff's contact for a range (issue 14): its hosts that no registered organization matches reach the
// organization or mailbox set here instead of the RIPE abuse contact (provenance "override" in candidates).
import { useState, type FormEvent } from "react";
import { api, type ContactOverride } from "../api/index.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { TextField } from "../components/fields.tsx";
import { OrgPicker, type PickedOrganization } from "../components/org-picker.tsx";
import { RipeDataHint } from "../components/ripe-data-hint.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAction, useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

export function ContactOverridesPage() {
  const isAdmin = useCan("admin");
  const overrides = useAsync(() => api.contactOverrides.listContactOverrides(), []);
  const removal = useAction();
  const columns: Column<ContactOverride>[] = [
    { header: "Range", mono: true, cell: (o) => o.cidr },
    {
      header: "Reaches",
      cell: (o) => <Link to={`/organizations/${o.organizationId}`}>{o.organizationName}</Link>,
    },
    { header: "Note", cell: (o) => o.note || "—" },
    { header: "Set by", cell: (o) => `${o.createdBy ?? "—"}, ${dateTime(o.createdAt)}` },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (o) =>
        isAdmin ? (
          <button
            type="button"
            className="secondary"
            aria-label={`Remove the override of ${o.cidr}`}
            disabled={removal.busy}
            onClick={() =>
              void removal.act(async () => {
                await api.contactOverrides.removeContactOverride(o.id);
                await overrides.reload();
              })
            }
          >
            Remove
          </button>
        ) : null,
    },
  ];
  return (
    <>
      <h1>Range contacts</h1>
      <p className="muted">
        A range’s hosts that no registered organization matches reach the contact set here, before the RIPE abuse
        contact of their network (<Link to="/ripe-imports">RIPE imports</Link>). From the next upload, or a list matched
        again.
      </p>
      <RipeDataHint />
      {isAdmin && <NewOverride onDone={() => void overrides.reload()} />}
      <ErrorBox error={removal.error} title="Not removed" />
      <AsyncView state={overrides} what="the range contacts">
        {(items) =>
          items.length === 0 ? (
            <Empty>No range has a contact set by staff: hosts reach their RIPE abuse contact.</Empty>
          ) : (
            <DataTable rows={items} columns={columns} rowKey={(o) => o.id} label="Range contacts" />
          )
        }
      </AsyncView>
    </>
  );
}

function NewOverride({ onDone }: { onDone: () => void }) {
  const [cidr, setCidr] = useState("");
  const [to, setTo] = useState<"mailbox" | "organization">("mailbox");
  const [mailbox, setMailbox] = useState("");
  const [picked, setPicked] = useState<PickedOrganization>(null);
  const [note, setNote] = useState("");
  const { busy, error, act } = useAction();
  const target =
    to === "mailbox"
      ? mailbox.trim()
        ? { mailbox: mailbox.trim() }
        : null
      : picked && "existing" in picked
        ? { organizationId: picked.existing.id }
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    void act(async () => {
      await api.contactOverrides.createContactOverride({ cidr: cidr.trim(), note: note.trim(), ...target });
      setCidr("");
      setMailbox("");
      setNote("");
      onDone();
    });
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby="new-override-title">
      <h2 id="new-override-title">Override a range’s contact</h2>
      <TextField
        id="override-cidr"
        label="Range"
        hint="192.0.2.0/25, 2001:db8::/48"
        mono
        value={cidr}
        onChange={setCidr}
        required
      />
      <fieldset>
        <legend>Its hosts reach</legend>
        <label>
          <input type="radio" name="override-to" checked={to === "mailbox"} onChange={() => setTo("mailbox")} /> an
          abuse mailbox
        </label>
        <label>
          <input
            type="radio"
            name="override-to"
            checked={to === "organization"}
            onChange={() => setTo("organization")}
          />{" "}
          an organization
        </label>
      </fieldset>
      {to === "mailbox" ? (
        <TextField id="override-mailbox" label="Mailbox" type="email" value={mailbox} onChange={setMailbox} />
      ) : (
        <OrgPicker idPrefix="override" allowCreate={false} onChange={setPicked} />
      )}
      <TextField id="override-note" label="Note" value={note} onChange={setNote} maxLength={1000} />
      <button type="submit" disabled={busy || !target || cidr.trim() === ""}>
        Set contact
      </button>
      <ErrorBox error={error} title="Not set" />
    </form>
  );
}
