import { useEffect } from "react";
import { api } from "../api/index.ts";
import { n } from "../lib/format.ts";
import { useAsync } from "../lib/use-async.ts";

/** Fired when a signal is handled, so the navigation's count follows at once. */
export const SIGNALS_CHANGED = "baken:signals-changed";

/** How many signals are open, beside "Signals" in the navigation; reread on each page and each handling. */
export function SignalCount({ path }: { path: string }) {
  const counts = useAsync(() => api.signals.countSignals(), [path]);
  useEffect(() => {
    const reload = () => void counts.reload();
    window.addEventListener(SIGNALS_CHANGED, reload);
    return () => window.removeEventListener(SIGNALS_CHANGED, reload);
  }, [counts.reload]);
  const total = counts.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <span className="nav-count" data-testid="signal-count">
      {n(total)}
      <span className="visually-hidden"> open</span>
    </span>
  );
}
