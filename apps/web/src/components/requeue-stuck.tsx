import { useState } from "react";
import { api } from "../api/index.ts";
import { n } from "../lib/format.ts";
import { useAction } from "../lib/use-async.ts";
import { ErrorBox } from "./status.tsx";

/**
 * For notices that stay queued or sending with nothing moving (a worker that crashed twice on one, Redis
 * restarted empty): queues them again. The worker's repair sweep does the same every minute; this is the
 * same repair at once, for one campaign. Nobody is mailed twice: delivery skips what was sent.
 */
export function RequeueStuck({
  campaignId,
  pending,
  onDone,
}: {
  campaignId: string;
  /** notices queued or sending now: the button is offered only while there are some */
  pending: number;
  onDone: () => void;
}) {
  const { busy, error, act } = useAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = () =>
    act(async () => {
      const r = await api.campaigns.requeueStuck(campaignId);
      setOutcome(
        `Queued ${n(r.requeued)} stuck notice(s) again; ${n(r.live)} still on their way` +
          (r.heldBack
            ? `; ${n(r.heldBack)} accepted by the mail server but not recorded, not sent again (see their last error)`
            : "") +
          ".",
      );
      onDone();
    });
  return (
    <div className="actions">
      {pending > 0 && (
        <button type="button" className="secondary" onClick={() => void run()} disabled={busy}>
          {busy ? "Re-queuing…" : "Re-queue stuck notices"}
        </button>
      )}
      <ErrorBox error={error} title="Not re-queued" />
      {outcome && (
        <p className="success" role="status">
          {outcome}
        </p>
      )}
    </div>
  );
}
