import { useState } from "react";
import type { NoticeList, NoticeRow, NoticeStatus } from "../api/index.ts";
import { n } from "../lib/format.ts";
import { OrgLink, StatusBadge } from "./badges.tsx";
import { DataTable, type Column } from "./data-table.tsx";
import { noticeColumns } from "./notice-columns.tsx";
import { ProgressBar } from "./progress-bar.tsx";
import { Empty } from "./status.tsx";

const COLUMNS: Column<NoticeRow>[] = [
  noticeColumns.reference,
  { header: "Organization", cell: (nt) => <OrgLink org={nt.organization} /> },
  noticeColumns.kind,
  {
    ...noticeColumns.status,
    cell: (nt) => (
      <>
        <StatusBadge status={nt.status} />
        {nt.attempts > 1 && <span className="muted"> ({nt.attempts} attempts)</span>}
      </>
    ),
  },
  noticeColumns.hosts,
  noticeColumns.sent,
  { header: "Last error", cell: (nt) => nt.lastError ?? "" },
];

export const pending = (list: NoticeList | undefined) => (list ? list.counts.queued + list.counts.sending : 0);

/** The campaign's notices as the queue delivers them: counts, a bar, and the notices with their status. */
export function NoticeQueue({ list }: { list: NoticeList }) {
  const [filter, setFilter] = useState<NoticeStatus | "">(list.counts.failed > 0 ? "failed" : "");
  const { queued, sending, sent, failed } = list.counts;
  const total = queued + sending + sent + failed;
  if (total === 0) return <Empty>Nothing sent yet.</Empty>;
  const shown = list.notices.filter((nt) => !filter || nt.status === filter);
  return (
    <>
      <dl className="stats" aria-live="polite">
        <div>
          <dt>Queued</dt>
          <dd data-testid="queue-queued">{n(queued + sending)}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd data-testid="queue-sent">{n(sent)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd data-testid="queue-failed" className={failed > 0 ? "bad" : undefined}>
            {n(failed)}
          </dd>
        </div>
      </dl>
      <ProgressBar
        label="Notices delivered"
        value={sent + failed}
        max={total}
        text={queued + sending > 0 ? `${n(sent + failed)} of ${n(total)} done; updating live` : `All ${n(total)} done`}
      />
      <label htmlFor="notice-filter">Show</label>
      <select id="notice-filter" value={filter} onChange={(e) => setFilter(e.target.value as NoticeStatus | "")}>
        <option value="">all notices</option>
        <option value="queued">queued</option>
        <option value="sending">sending</option>
        <option value="sent">sent</option>
        <option value="failed">failed</option>
      </select>
      {shown.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <DataTable rows={shown.slice(0, 50)} columns={COLUMNS} rowKey={(nt) => nt.id} />
      )}
      {shown.length > 50 && <p className="muted">First 50 of {n(shown.length)} shown; filter by status to find one.</p>}
    </>
  );
}
