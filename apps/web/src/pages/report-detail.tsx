import { useState, type FormEvent } from "react";
import { api, REPORT_STATUSES, type ReportDetail, type ReportStatus } from "../api/index.ts";
import { ReportAssignment } from "../components/report-assignment.tsx";
import { ReportReplies } from "../components/report-replies.tsx";
import { AsyncView, ErrorBox } from "../components/status.tsx";
import { bytes, date, dateTime, tlpLabel, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAction, useAsync } from "../lib/use-async.ts";
import { useCan, useSession } from "../session.tsx";

export function ReportDetailPage({ id }: { id: string }) {
  const report = useAsync(() => api.reports.getReport(id), [id]);
  const canTriage = useCan("analyst");
  return (
    <AsyncView state={report} what="the report">
      {(r) => (
        <>
          <p className="breadcrumb">
            <Link to="/reports">Incident reports</Link> /
          </p>
          <div className="page-head">
            <h1>
              <span className="mono">{r.reference}</span> {r.ongoing && <span className="badge bad">ongoing</span>}
            </h1>
            <span className={`status status-${r.status}`} data-testid="report-status">
              {words(r.status)}
            </span>
          </div>
          <p className="muted">
            Received {dateTime(r.createdAt)} · {r.rsit.className} ({r.rsit.class})
            {r.rsit.type && ` / ${r.rsit.typeName ?? r.rsit.type} (${r.rsit.type})`}
            {r.tlp && ` · ${tlpLabel(r.tlp)}`}
            {r.language && ` · in ${r.language}`}
            {` · assigned to ${r.assignee?.name || r.assignee?.email || "nobody"}`}
            {` · ${words(r.priority)} priority`}
            {r.dueAt && ` · due ${date(r.dueAt)}`}
          </p>
          <div className="two-columns">
            <div>
              <section aria-labelledby="description-title">
                <h2 id="description-title">What happened</h2>
                <p className="pre-line" lang={r.language ?? undefined}>
                  {r.description}
                </p>
              </section>
              <dl className="facts">
                <dt>Reporter</dt>
                <dd>{r.reporterName}</dd>
                {reportFields(r).map((f) => (
                  <FieldRow key={f.label} label={f.label} value={f.value} />
                ))}
                {r.resolution && <FieldRow label="Resolution" value={r.resolution} />}
              </dl>
              <Attachments report={r} />
            </div>
            <div>
              {canTriage && <Triage report={r} onChanged={() => void report.reload()} />}
              {canTriage && <ReportAssignment report={r} onChanged={() => void report.reload()} />}
              <ReportReplies report={r} onSent={() => void report.reload()} />
              <Notes report={r} onAdded={() => void report.reload()} />
            </div>
          </div>
        </>
      )}
    </AsyncView>
  );
}

/** The report's own fields in reading order, as label and text (lists joined, dates kept as sent). */
const FIELDS: [keyof ReportDetail, string][] = [
  ["reporterEmail", "E-mail"],
  ["reporterPhone", "Phone"],
  ["reporterRole", "Role"],
  ["organizationName", "Organization"],
  ["isVictim", "Reporter is the victim"],
  ["startedAt", "Started"],
  ["detectedAt", "Detected"],
  ["ongoing", "Still going on"],
  ["affectedSystems", "Affected systems"],
  ["impact", "Impact"],
  ["indicators", "Indicators"],
  ["actionsTaken", "Actions already taken"],
  ["othersInformed", "Others informed"],
  ["expectations", "Expects from the CERT"],
  ["noticeReference", "Notice reference"],
  ["confirmationSentAt", "Confirmation mailed"],
  ["clientIp", "Sent from"],
];

const DATES = new Set<keyof ReportDetail>(["startedAt", "detectedAt", "confirmationSentAt"]);
const text = (v: unknown) =>
  Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? (v ? "yes" : "no") : v == null ? "" : String(v);

function reportFields(r: ReportDetail): { label: string; value: string }[] {
  return [
    { label: "Reporter is", value: r.reporterKindName || r.reporterKind },
    ...FIELDS.map(([key, label]) => ({
      label,
      value: DATES.has(key) && r[key] ? dateTime(r[key] as string) : text(r[key]),
    })).filter((f) => f.value !== ""),
    ...(r.linkedOrganization ? [{ label: "Registered organization", value: r.linkedOrganization.name }] : []),
  ];
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="pre-line">{value}</dd>
    </>
  );
}

function Attachments({ report }: { report: ReportDetail }) {
  if (report.attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments</h2>
      <p className="hint">Files from the public: open them on an analysis machine, not here.</p>
      <ul>
        {report.attachments.map((a) => (
          <li key={a.id}>
            {/* Served by the API with a download disposition and a neutral content type (issue 6). */}
            <a href={api.reports.attachmentUrl(report.id, a.id)} download={a.fileName}>
              {a.fileName}
            </a>{" "}
            <span className="muted">
              ({a.contentType}, {bytes(a.size)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Triage({ report, onChanged }: { report: ReportDetail; onChanged: () => void }) {
  const { staff } = useSession();
  const [status, setStatus] = useState<ReportStatus>(report.status);
  const [resolution, setResolution] = useState(report.resolution ?? "");
  const { busy, error, act } = useAction();

  const change = (c: Parameters<typeof api.reports.changeReport>[1]) =>
    act(async () => {
      await api.reports.changeReport(report.id, c);
      onChanged();
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void change(status === "closed" ? { status, resolution } : { status });
  };

  return (
    <section className="card" aria-labelledby="triage-title">
      <h2 id="triage-title">Triage</h2>
      <form onSubmit={submit}>
        <label htmlFor="report-new-status">Status</label>
        <select id="report-new-status" value={status} onChange={(e) => setStatus(e.target.value as ReportStatus)}>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
        {status === "closed" && (
          <>
            <label htmlFor="report-resolution">Resolution</label>
            <textarea
              id="report-resolution"
              rows={3}
              required
              value={resolution}
              onChange={(e) => setResolution(e.target.value)}
            />
          </>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || (status === report.status && status !== "closed")}>
            Change status
          </button>
          {report.assignee?.id !== staff.id && (
            // The quick way; any colleague in Assignment below.
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void change({ assigneeId: staff.id })}
            >
              Assign to me
            </button>
          )}
        </div>
      </form>
      <ErrorBox error={error} title="Not changed" />
    </section>
  );
}

function Notes({ report, onAdded }: { report: ReportDetail; onAdded: () => void }) {
  const canWrite = useCan("analyst");
  const [body, setBody] = useState("");
  const { busy, error, act } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await act(async () => {
      await api.reports.addReportNote(report.id, body.trim());
      setBody("");
      onAdded();
    });
  };
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Internal notes</h2>
      {report.notes.length === 0 ? (
        <p className="muted">No note yet.</p>
      ) : (
        <ol className="notes">
          {report.notes.map((nt) => (
            <li key={nt.id}>
              <p className="pre-line">{nt.body}</p>
              <p className="muted">
                {nt.author ?? "someone"} · {dateTime(nt.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit}>
          <label htmlFor="note-body">Add a note (staff only)</label>
          <textarea id="note-body" rows={3} required value={body} onChange={(e) => setBody(e.target.value)} />
          <ErrorBox error={error} title="Note not added" />
          <div className="actions">
            <button type="submit" disabled={busy || !body.trim()}>
              Add note
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
