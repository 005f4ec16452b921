import { useState, type FormEvent } from "react";
import { api, REPORT_PRIORITIES, type ReportDetail, type ReportPriority } from "../api/index.ts";
import { words } from "../lib/format.ts";
import { useAction, useAsync } from "../lib/use-async.ts";
import { ErrorBox } from "./status.tsx";

/** Who handles a report, how urgently, by when: any active analyst or admin, a priority, a due date. */
export function ReportAssignment({ report, onChanged }: { report: ReportDetail; onChanged: () => void }) {
  const colleagues = useAsync(() => api.reports.listAssignees(), []);
  const [assigneeId, setAssigneeId] = useState(report.assignee?.id ?? "");
  const [priority, setPriority] = useState<ReportPriority>(report.priority);
  const [due, setDue] = useState(report.dueAt?.slice(0, 10) ?? "");
  const { busy, error, act } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.reports.changeReport(report.id, {
        assigneeId: assigneeId || null,
        priority,
        dueAt: due ? `${due}T00:00:00.000Z` : null,
      });
      onChanged();
    });
  };
  const options = colleagues.data ?? (report.assignee ? [report.assignee] : []);
  return (
    <section className="card" aria-labelledby="assignment-title">
      <h2 id="assignment-title">Assignment</h2>
      <form onSubmit={submit}>
        <label htmlFor="report-assignee">Assigned to</label>
        <select id="report-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">nobody</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name ? `${s.name} (${s.email})` : s.email}
            </option>
          ))}
        </select>
        <label htmlFor="report-priority">Priority</label>
        <select id="report-priority" value={priority} onChange={(e) => setPriority(e.target.value as ReportPriority)}>
          {REPORT_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {words(p)}
            </option>
          ))}
        </select>
        <label htmlFor="report-due">Due</label>
        <input id="report-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save assignment
          </button>
        </div>
      </form>
      <ErrorBox error={error ?? colleagues.error} title="Not saved" />
    </section>
  );
}
