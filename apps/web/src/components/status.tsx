import type { ReactNode } from "react";
import { ApiError, type ErrorDetail } from "../api/index.ts";
import type { Async } from "../lib/use-async.ts";

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Where a problem is: "line 12, field ip" (what the API's `details` say). */
export const detailPlace = (d: ErrorDetail) =>
  [d.line !== undefined ? `line ${d.line}` : "", d.field ? `field ${d.field}` : ""].filter(Boolean).join(", ");

export function DetailList({ details, limit = 20 }: { details: ErrorDetail[]; limit?: number }) {
  if (details.length === 0) return null;
  return (
    <>
      <ul className="details">
        {details.slice(0, limit).map((d, i) => (
          <li key={i}>
            {detailPlace(d) && <strong>{detailPlace(d)}: </strong>}
            {d.message}
          </li>
        ))}
      </ul>
      {details.length > limit && <p className="muted">…and {details.length - limit} more.</p>}
    </>
  );
}

/** An API failure as the API described it: its message, then each detail with its line and field. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = api?.message ?? (error instanceof Error ? error.message : String(error));
  return (
    <div className="error-box" role="alert">
      <p>
        <strong>{title ?? (api && api.status === 403 ? "Not allowed" : "Something went wrong")}:</strong> {message}
      </p>
      {api && <DetailList details={api.details} />}
    </div>
  );
}

/** Loading, then the error or the content; a reload keeps the content on screen. */
export function AsyncView<T>({
  state,
  what,
  children,
}: {
  state: Async<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (state.data === undefined) {
    if (state.error) return <ErrorBox error={state.error} title={`Could not load ${what}`} />;
    return <Loading what={what} />;
  }
  return (
    <>
      {state.error ? <ErrorBox error={state.error} title={`Could not refresh ${what}`} /> : null}
      {children(state.data)}
    </>
  );
}
