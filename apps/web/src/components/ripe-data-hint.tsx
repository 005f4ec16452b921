import { api } from "../api/index.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

/**
 * Says so when no RIPE import is in use (none yet, or every one failed): hosts no registered organization
 * matches then reach no network's abuse contact. Nothing while it loads, nor when one is in use.
 */
export function RipeDataHint() {
  const imports = useAsync(() => api.ripe.listRipeImports(), []);
  if (!imports.data || imports.data.some((i) => i.active)) return null;
  return (
    <p className="notice" data-testid="ripe-data-hint">
      No RIPE data loaded: hosts no registered organization matches reach no network&apos;s abuse contact.{" "}
      <Link to="/ripe-imports">Import a RIPE dump</Link>.
    </p>
  );
}
