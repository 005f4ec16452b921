import { useState } from "react";
import { api } from "../api/index.ts";
import type { Answer } from "../api/operations.ts";
import { n } from "../lib/format.ts";
import { navigate } from "../lib/router.tsx";
import { useAction } from "../lib/use-async.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { ErrorBox, Loading } from "./status.tsx";

type Deletion = Answer<"/api/lists/{id}/deletion", "get">;

/** An admin's "Delete" of a list: the dialog says first what goes (rows, hosts leaving the campaign). */
export function DeleteList({ listId }: { listId: string }) {
  const [plan, setPlan] = useState<Deletion | null>(null);
  const [open, setOpen] = useState(false);
  const load = useAction();
  const remove = useAction();
  const start = () => {
    setOpen(true);
    setPlan(null);
    void load.act(async () => setPlan(await api.lists.previewListDeletion(listId)));
  };
  return (
    <>
      <button type="button" className="secondary" onClick={start}>
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title="Delete this list?"
        confirmLabel="Delete the list"
        danger
        busy={remove.busy || load.busy}
        refused={!plan || plan.refusal !== null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          void remove.act(async () => {
            await api.lists.deleteList(listId);
            navigate("/lists");
          })
        }
      >
        {load.busy && <Loading what="what the deletion does" />}
        <ErrorBox error={load.error} title="Cannot tell what the deletion does" />
        {plan && <DeletionPlan plan={plan} />}
        <ErrorBox error={remove.error} title="Not deleted" />
      </ConfirmDialog>
    </>
  );
}

function DeletionPlan({ plan }: { plan: Deletion }) {
  const c = plan.campaign;
  const hosts = (count: number) => `${n(count)} host${count === 1 ? "" : "s"}`;
  return (
    <div data-testid="deletion-plan">
      <p>Its {n(plan.exposures)} rows and its rejected lines are deleted for good.</p>
      {c && (
        <p>
          Campaign “{c.name}” keeps its notices, answers and progress.{" "}
          {c.hostsLeaving > 0 ? `${hosts(c.hostsLeaving)} only this list brought in, never notified, leave it.` : ""}
          {c.hostsRelinked > 0 ? ` ${hosts(c.hostsRelinked)} seen in its other lists too stay.` : ""}
        </p>
      )}
      {plan.refusal && (
        <p className="error-text" role="alert">
          It cannot be deleted: {plan.refusal}.
        </p>
      )}
    </div>
  );
}
