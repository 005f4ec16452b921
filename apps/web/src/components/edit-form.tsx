import type { FormEvent, ReactNode } from "react";
import { useAction } from "../lib/use-async.ts";
import { ErrorBox } from "./status.tsx";

/**
 * The frame of every create/edit form: saving disables the button, a refusal shows the API's reasons above the
 * fields and keeps what was typed, Cancel leaves without saving.
 */
export function EditForm({
  submitLabel,
  onSave,
  onCancel,
  children,
}: {
  submitLabel: string;
  onSave: () => Promise<void>;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { busy, error, act } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(onSave);
  };

  return (
    <form onSubmit={submit} className="card">
      <ErrorBox error={error} title="Not saved" />
      {children}
      <div className="actions">
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
