import { useState } from "react";
import { api, LANGUAGES, NOTICE_STATUSES, type NoticeFilter, type NoticeList, type NoticeRow } from "../api/index.ts";
import { NOTICE_PAGE_SIZE } from "../api/campaigns.ts";
import { n } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { OrgLink, StatusBadge } from "./badges.tsx";
import { DataTable, type Column } from "./data-table.tsx";
import { SelectField, TextField } from "./fields.tsx";
import { noticeColumns } from "./notice-columns.tsx";
import { Pager } from "./pager.tsx";
import { ProgressBar } from "./progress-bar.tsx";
import { AsyncView, Empty } from "./status.tsx";

const COLUMNS: Column<NoticeRow>[] = [
  {
    ...noticeColumns.reference,
    cell: (nt) => <Link to={`/notices/${nt.id}`}>{nt.reference}</Link>,
  },
  { header: "Organization", cell: (nt) => <OrgLink org={nt.organization} /> },
  noticeColumns.kind,
  { header: "Language", cell: (nt) => nt.language },
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

/**
 * The campaign's notices as the queue delivers them: counts, a bar, and the notices a page at a time,
 * filtered by status and language and searched by organization. `counts` is polled by the page; each new
 * answer refreshes the shown page too.
 */
export function NoticeQueue({ campaignId, counts }: { campaignId: string; counts: NoticeList }) {
  const { queued, sending, sent, failed } = counts.counts;
  const [draft, setDraft] = useState<NoticeFilter>(failed > 0 ? { status: "failed" } : {});
  const [filter, setFilter] = useState<NoticeFilter>(draft);
  const [page, setPage] = useState(1);
  const shown = useAsync(() => api.campaigns.listNotices(campaignId, filter, page), [campaignId, filter, page, counts]);
  const apply = (f: NoticeFilter) => {
    setDraft(f);
    setFilter(f);
    setPage(1);
  };
  // Bounced notices left too: counted as done, or a campaign whose notices all bounced reads "Nothing sent yet".
  const total = counts.counts.total;
  const done = total - queued - sending;
  if (total === 0) return <Empty>Nothing sent yet.</Empty>;
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
        value={done}
        max={total}
        text={queued + sending > 0 ? `${n(done)} of ${n(total)} done; updating live` : `All ${n(total)} done`}
      />
      <form
        className="filters"
        role="search"
        aria-label="Filter notices"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <SelectField
          id="notice-filter"
          label="Status"
          value={draft.status ?? ""}
          empty="all notices"
          options={NOTICE_STATUSES}
          onChange={(status) => apply({ ...draft, status: status || undefined })}
        />
        <SelectField
          id="notice-language"
          label="Language"
          value={draft.language ?? ""}
          empty="any"
          options={LANGUAGES}
          onChange={(language) => apply({ ...draft, language: language || undefined })}
        />
        <TextField
          id="notice-q"
          label="Organization"
          className="grow"
          type="search"
          value={draft.q ?? ""}
          onChange={(q) => setDraft({ ...draft, q: q || undefined })}
        />
        <div className="actions">
          <button type="submit">Filter</button>
        </div>
      </form>
      <AsyncView state={shown} what="the notices">
        {(list) =>
          list.notices.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <>
              <DataTable rows={list.notices} columns={COLUMNS} rowKey={(nt) => nt.id} />
              <Pager
                page={{ items: list.notices, total: list.matching, page, pageSize: NOTICE_PAGE_SIZE }}
                onPage={setPage}
              />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
