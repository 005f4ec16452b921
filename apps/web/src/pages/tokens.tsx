import { useState } from "react";
import {
  API_TOKEN_ROLES,
  api,
  type ApiToken,
  type ApiTokenInput,
  type ApiTokenRole,
  type CreatedApiToken,
} from "../api/index.ts";
import { StatusBadge } from "../components/badges.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { EditForm } from "../components/edit-form.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { date, dateTime } from "../lib/format.ts";
import { useAction, useAsync } from "../lib/use-async.ts";

const emptyToken = (): ApiTokenInput => ({ name: "", role: "viewer", expiresInDays: 90 });

/** The secret, once: nothing keeps it after this box is closed or the page is left. */
function ShownOnce({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="success" role="status">
      <p>
        <strong>Token “{created.name}” created.</strong> Copy it now: it is shown this once and cannot be seen again
        (Baken keeps only its hash). Send it as <code>Authorization: Bearer …</code>.
      </p>
      <label htmlFor="new-token">New API token</label>
      <input id="new-token" className="mono" readOnly value={created.token} onFocus={(e) => e.target.select()} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (t: CreatedApiToken) => void }) {
  const [t, setT] = useState(emptyToken);
  return (
    <EditForm
      submitLabel="Create token"
      onSave={async () => {
        onCreated(await api.tokens.createToken({ ...t, name: t.name.trim() }));
        setT(emptyToken());
      }}
    >
      <h2>New token</h2>
      <div className="form-grid">
        <TextField
          id="token-name"
          label="Name"
          hint="who or what holds it (a SOAR, a partner CERT's script)"
          required
          value={t.name}
          onChange={(name) => setT({ ...t, name })}
        />
        <SelectField<ApiTokenRole>
          id="token-role"
          label="Role"
          value={t.role}
          options={API_TOKEN_ROLES.map((r) => ({ value: r, label: r === "viewer" ? "viewer (reads)" : "analyst" }))}
          onChange={(role) => setT({ ...t, role })}
        />
        <TextField
          id="token-days"
          label="Expires after"
          hint="days, 1 to 365"
          type="number"
          min={1}
          max={365}
          required
          value={String(t.expiresInDays)}
          onChange={(days) => setT({ ...t, expiresInDays: Number(days) })}
        />
      </div>
    </EditForm>
  );
}

/** API tokens (admins only): create one and see its secret once, see each one's last use, revoke. */
export function TokensPage() {
  const tokens = useAsync(() => api.tokens.listTokens(), []);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useAction();

  const columns: Column<ApiToken>[] = [
    { header: "Name", cell: (t) => t.name },
    { header: "Token", mono: true, cell: (t) => t.hint },
    { header: "Role", cell: (t) => t.role },
    { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
    { header: "Created", cell: (t) => `${date(t.createdAt)} by ${t.createdBy.email}` },
    { header: "Expires", cell: (t) => date(t.expiresAt) },
    {
      header: "Last used",
      cell: (t) =>
        t.lastUsedAt ? (
          <>
            {dateTime(t.lastUsedAt)}
            {t.lastUsedIp && <span className="muted"> from {t.lastUsedIp}</span>}
          </>
        ) : (
          <span className="muted">never</span>
        ),
    },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (t) =>
        t.status === "active" ? (
          <button type="button" className="link-button" onClick={() => setRevoking(t)}>
            Revoke <span className="visually-hidden">{t.name}</span>
          </button>
        ) : t.revokedAt ? (
          <span className="muted">
            revoked {date(t.revokedAt)}
            {t.revokedBy && ` by ${t.revokedBy.email}`}
          </span>
        ) : null,
    },
  ];

  return (
    <>
      <PageHead title="API tokens" />
      <p className="hint">
        For scripts and other tools (a SOAR, a scanner, a partner CERT&apos;s feed) that call Baken without a
        person&apos;s session. A token acts as you, with its own role (viewer or analyst: never an administrator&apos;s
        routes), until it expires or is revoked; what it does is in the audit log under its name.
      </p>
      {created ? (
        <ShownOnce created={created} onDone={() => setCreated(null)} />
      ) : (
        <NewTokenForm
          onCreated={(t) => {
            setCreated(t);
            void tokens.reload();
          }}
        />
      )}
      <AsyncView state={tokens} what="API tokens">
        {(items) =>
          items.length === 0 ? (
            <Empty>No API token yet.</Empty>
          ) : (
            <DataTable rows={items} columns={columns} rowKey={(t) => t.id} label="API tokens" />
          )
        }
      </AsyncView>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke"
        danger
        busy={revoke.busy}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          void revoke.act(async () => {
            await api.tokens.revokeToken(revoking!.id);
            setRevoking(null);
            await tokens.reload();
          })
        }
      >
        <p>“{revoking?.name}” stops working at its next request. Whatever uses it needs a new token.</p>
        <ErrorBox error={revoke.error} title="Not revoked" />
      </ConfirmDialog>
    </>
  );
}
