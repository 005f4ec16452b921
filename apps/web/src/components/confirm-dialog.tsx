import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels and the page
 * behind is inert, which is what a screen-reader user needs before an irreversible action.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  /** The action cannot be taken (the body says why): only Cancel works. */
  refused?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={(e) => (e.preventDefault(), props.onCancel())}
    >
      <h2 id="dialog-title">{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
        <button
          type="button"
          className={props.danger ? "danger" : undefined}
          onClick={props.onConfirm}
          disabled={props.busy || props.refused}
          autoFocus
        >
          {props.busy ? "Working…" : props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
