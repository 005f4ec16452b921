import type { ContactHealth } from "../api/index.ts";
import { dateTime } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { StatusBadge } from "./badges.tsx";

/** Whether notices still reach a contact, and if not since when and why (issue 15). */
export function ContactHealthView({ health: h }: { health: ContactHealth }) {
  return (
    <>
      {h.deliverable ? (
        <StatusBadge status="sent" label="deliverable" />
      ) : (
        <>
          <StatusBadge status="bounced" label="undeliverable" /> since {dateTime(h.undeliverableSince)}:{" "}
          {h.reason ?? "unknown"}
          {h.status && <span className="mono"> {h.status}</span>}
          {h.noticeId && (
            <>
              {" "}
              (notice <Link to={`/notices/${h.noticeId}`}>{h.noticeReference ?? h.noticeId}</Link>)
            </>
          )}
          {h.diagnostic && <q className="muted">{h.diagnostic}</q>}
        </>
      )}
      {h.deliverable && h.temporaryFailures > 0 && (
        <span className="muted"> {h.temporaryFailures} temporary failure(s) in a row</span>
      )}
    </>
  );
}

/** The last bounce a contact's address drew, if any. */
export function LastBounce({ health: h }: { health: ContactHealth }) {
  const b = h.lastBounce;
  if (!b) return <span className="muted">none</span>;
  return (
    <>
      {b.kind} {dateTime(b.at)}
      {b.status && <span className="mono"> {b.status}</span>} <Link to={`/notices/${b.noticeId}`}>notice</Link>
    </>
  );
}
