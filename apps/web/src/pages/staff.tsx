import { useState } from "react";
import { api, STAFF_ROLES, type StaffInput, type StaffRole, type StaffUser } from "../api/index.ts";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { EditForm } from "../components/edit-form.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, ErrorBox } from "../components/status.tsx";
import { dateTime } from "../lib/format.ts";
import { useAction, useAsync } from "../lib/use-async.ts";
import { useSession } from "../session.tsx";

const emptyUser = (): StaffInput => ({ email: "", name: "", role: "analyst", password: "" });
const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: r }));

function NewStaffForm({ onCreated }: { onCreated: () => void }) {
  const [u, setU] = useState(emptyUser);
  return (
    <EditForm
      submitLabel="Create account"
      onSave={async () => {
        await api.staff.createStaff({ ...u, email: u.email.trim(), name: (u.name ?? "").trim() });
        setU(emptyUser());
        onCreated();
      }}
    >
      <h2>New staff account</h2>
      <div className="form-grid">
        <TextField
          id="staff-email"
          label="E-mail"
          type="email"
          required
          value={u.email}
          onChange={(email) => setU({ ...u, email })}
        />
        <TextField id="staff-name" label="Name" value={u.name ?? ""} onChange={(name) => setU({ ...u, name })} />
        <SelectField<StaffRole>
          id="staff-role"
          label="Role"
          value={u.role}
          options={ROLE_OPTIONS}
          onChange={(role) => setU({ ...u, role })}
        />
        <TextField
          id="staff-password"
          label="Password"
          hint="at least 12 characters; hand it over in person"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={u.password}
          onChange={(password) => setU({ ...u, password })}
        />
      </div>
    </EditForm>
  );
}

/** Staff accounts (admins only): create, change the role, disable or enable, reset the password. */
export function StaffPage() {
  const { staff: me } = useSession();
  const users = useAsync(() => api.staff.listStaff(), []);
  const [disabling, setDisabling] = useState<StaffUser | null>(null);
  const [newPassword, setNewPassword] = useState<{ user: StaffUser; password: string } | null>(null);
  const action = useAction();
  const act = (body: () => Promise<unknown>) =>
    void action.act(async () => {
      await body();
      await users.reload();
    });

  const columns: Column<StaffUser>[] = [
    {
      header: "Name",
      cell: (u) => (
        <>
          {u.name || <span className="muted">—</span>}
          <div className="muted">{u.email}</div>
        </>
      ),
    },
    {
      header: "Role",
      cell: (u) => (
        <select
          aria-label={`Role of ${u.email}`}
          value={u.role}
          disabled={action.busy || u.id === me?.id}
          onChange={(e) => act(() => api.staff.updateStaff(u.id, { role: e.target.value as StaffRole }))}
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      ),
    },
    { header: "Status", cell: (u) => (u.active ? "active" : <strong>disabled</strong>) },
    {
      header: "Last sign-in",
      cell: (u) => (u.lastLoginAt ? dateTime(u.lastLoginAt) : <span className="muted">never</span>),
    },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (u) => (
        <div className="actions">
          {u.id !== me?.id &&
            (u.active ? (
              <button type="button" className="link-button" onClick={() => setDisabling(u)}>
                Disable <span className="visually-hidden">{u.email}</span>
              </button>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => act(() => api.staff.updateStaff(u.id, { active: true }))}
              >
                Enable <span className="visually-hidden">{u.email}</span>
              </button>
            ))}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void action.act(async () =>
                setNewPassword({ user: u, password: (await api.staff.resetPassword(u.id)).password }),
              )
            }
          >
            Reset password <span className="visually-hidden">of {u.email}</span>
          </button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHead title="Staff" />
      <p className="hint">
        Viewers read; analysts also work lists, campaigns and reports; admins also change the registry, staff accounts
        and read the audit log. Disabling an account ends its sessions and API tokens at their next request. Every
        change here is in the audit log.
      </p>
      <NewStaffForm onCreated={() => void users.reload()} />
      {newPassword && (
        <div className="success" role="status">
          <p>
            New password of <strong>{newPassword.user.email}</strong>, shown this once:
          </p>
          <input
            aria-label="New password"
            className="mono"
            readOnly
            value={newPassword.password}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={() => setNewPassword(null)}>
            Done
          </button>
        </div>
      )}
      <ErrorBox error={action.error} title="Not changed" />
      <AsyncView state={users} what="staff accounts">
        {(items) => <DataTable rows={items} columns={columns} rowKey={(u) => u.id} label="Staff accounts" />}
      </AsyncView>
      <ConfirmDialog
        open={disabling !== null}
        title="Disable this account?"
        confirmLabel="Disable"
        danger
        busy={action.busy}
        onCancel={() => setDisabling(null)}
        onConfirm={() =>
          act(async () => {
            await api.staff.updateStaff(disabling!.id, { active: false });
            setDisabling(null);
          })
        }
      >
        <p>{disabling?.email} is signed out at their next request and cannot sign in until enabled again.</p>
      </ConfirmDialog>
    </>
  );
}
