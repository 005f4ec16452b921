import { useState, type FormEvent } from "react";
import { api, type ReportDetail } from "../api/index.ts";
import { dateTime } from "../lib/format.ts";
import { useAction } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";
import { ErrorBox } from "./status.tsx";

const LANGUAGE_NAMES = { nl: "Dutch", fr: "French", de: "German", en: "English" } as const;

/** Replies to the reporter: what was mailed, when, by whom; a new one goes in the report's language. */
export function ReportReplies({ report, onSent }: { report: ReportDetail; onSent: () => void }) {
  const canWrite = useCan("analyst");
  const [body, setBody] = useState("");
  const { busy, error, act } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await act(async () => {
      await api.reports.replyToReport(report.id, body.trim());
      setBody("");
      onSent();
    });
  };
  return (
    <section aria-labelledby="replies-title">
      <h2 id="replies-title">Replies to the reporter</h2>
      {report.replies.length === 0 ? (
        <p className="muted">No reply yet.</p>
      ) : (
        <ol className="notes" data-testid="report-replies">
          {report.replies.map((r) => (
            <li key={r.id}>
              <p className="pre-line" lang={r.language}>
                {r.body}
              </p>
              <p className="muted">
                {r.author?.name || r.author?.email || "someone"} · {dateTime(r.createdAt)} · to {r.to} ·{" "}
                {r.sentAt ? `mailed ${dateTime(r.sentAt)}` : r.error ? `refused: ${r.error}` : "waiting to be mailed"}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit}>
          <label htmlFor="reply-body">
            Reply to {report.reporterEmail} (mailed in {LANGUAGE_NAMES[report.language]}, the report&apos;s language)
          </label>
          <textarea id="reply-body" rows={5} required value={body} onChange={(e) => setBody(e.target.value)} />
          <ErrorBox error={error} title="Reply not sent" />
          <div className="actions">
            <button type="submit" disabled={busy || !body.trim()}>
              Send reply
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
