import { useState } from "react";
import { api, type NoticeDetail } from "../api/index.ts";
import { OrgLink, StatusBadge } from "../components/badges.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { NoticeOutcomes } from "../components/notice-outcomes.tsx";
import { TextField } from "../components/fields.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime, n, words } from "../lib/format.ts";
import { Link, navigate } from "../lib/router.tsx";
import { useAction, useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

type Delivery = NoticeDetail["deliveries"][number];
type Reply = NoticeDetail["replies"][number];
type Following = NoticeDetail["following"][number];

const OUTCOMES: Record<string, string> = {
  sent: "accepted",
  queued: "failed, retried later",
  failed: "failed for good",
};

const deliveryColumns: Column<Delivery>[] = [
  { header: "Attempt", num: true, cell: (d) => d.attempt },
  { header: "At", cell: (d) => dateTime(d.at) },
  { header: "Outcome", cell: (d) => <StatusBadge status={d.outcome} label={OUTCOMES[d.outcome] ?? d.outcome} /> },
  { header: "To", cell: (d) => d.recipients.join(", ") },
  { header: "Relay's answer", mono: true, cell: (d) => d.answer ?? "—" },
];
const replyColumns: Column<Reply>[] = [
  { header: "At", cell: (r) => dateTime(r.at) },
  { header: "Host", mono: true, cell: (r) => r.host ?? "all hosts" },
  {
    header: "Answer",
    cell: (r) => (
      <>
        {words(r.answer)}
        {r.compromise === "yes" && <strong className="bad"> · compromise found</strong>}
      </>
    ),
  },
  {
    header: "Comment",
    cell: (r) => [r.comment, r.betterContact && `better contact: ${r.betterContact}`].filter(Boolean).join(" · "),
  },
];
const followingColumns: Column<Following>[] = [
  { header: "Notice", mono: true, cell: (f) => <Link to={`/notices/${f.id}`}>{f.reference}</Link> },
  { header: "Kind", cell: (f) => (f.kind === "initial" ? "resend" : f.kind) },
  { header: "Status", cell: (f) => <StatusBadge status={f.status} /> },
  { header: "To", cell: (f) => f.recipients.join(", ") },
  { header: "Created", cell: (f) => dateTime(f.createdAt) },
];

/** Sending the notice again to corrected addresses: a new notice, mailed once. */
function Resend({ notice }: { notice: NoticeDetail }) {
  const [text, setText] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { busy, error, act } = useAction();
  const recipients = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (notice.kind === "reminder") {
    return <p className="muted">A reminder repeats its initial notice: resend that one to a corrected contact.</p>;
  }
  if (notice.status === "queued" || notice.status === "sending") {
    return (
      <p className="muted">The notice is on its way; it can be sent to another address once delivered or failed.</p>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (recipients.length > 0) setConfirming(true);
      }}
    >
      <TextField
        id="resend-to"
        label="Corrected recipients"
        hint="One or more e-mail addresses. The original is never sent again; a new notice with its own reference goes to these."
        value={text}
        onChange={setText}
      />
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" disabled={busy || recipients.length === 0}>
          Resend…
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Resend this notice?"
        confirmLabel="Resend"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          let created: { id: string } | undefined;
          const ok = await act(async () => {
            created = await api.notices.resendNotice(notice.id, recipients);
          });
          setConfirming(false);
          if (ok && created) navigate(`/notices/${created.id}`);
        }}
      >
        <p>
          A new notice listing the same {n(notice.hostCount)} host(s), with the same owner link, goes to{" "}
          <strong>{recipients.join(", ")}</strong>.
        </p>
      </ConfirmDialog>
    </form>
  );
}

/** One notice: who it went to, every delivery attempt and the relay's answer, the owners' answers, the mail. */
export function NoticeDetailPage({ id }: { id: string }) {
  const notice = useAsync(() => api.notices.getNotice(id), [id]);
  const canResend = useCan("analyst");
  return (
    <AsyncView state={notice} what="the notice">
      {(nt) => (
        <>
          <p className="breadcrumb">
            <Link to="/campaigns">Campaigns</Link> / <Link to={`/campaigns/${nt.campaign.id}`}>{nt.campaign.name}</Link>{" "}
            /
          </p>
          <h1 className="mono">{nt.reference}</h1>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={nt.status} />
              {nt.sentAt && <span className="muted"> {dateTime(nt.sentAt)}</span>}
            </dd>
            <dt>Organization</dt>
            <dd>
              <OrgLink org={nt.organization} />
            </dd>
            <dt>Recipients</dt>
            <dd>{nt.recipients.join(", ")}</dd>
            <dt>Kind</dt>
            <dd>
              {nt.parent ? (nt.kind === "initial" ? "resend of " : "reminder of ") : nt.kind}
              {nt.parent && (
                <Link to={`/notices/${nt.parent.id}`} className="mono">
                  {nt.parent.reference}
                </Link>
              )}
            </dd>
            <dt>Language</dt>
            <dd>{nt.language}</dd>
            <dt>Hosts</dt>
            <dd>{n(nt.hostCount)}</dd>
            <dt>Created</dt>
            <dd>{dateTime(nt.createdAt)}</dd>
            {nt.messageId && (
              <>
                <dt>Message-ID</dt>
                <dd className="mono">{nt.messageId}</dd>
              </>
            )}
          </dl>
          <section aria-labelledby="deliveries-title">
            <h2 id="deliveries-title">Delivery attempts</h2>
            {nt.deliveries.length === 0 ? (
              <Empty>No attempt yet{nt.attempts > 0 ? ` (${nt.attempts} before attempts were recorded)` : ""}.</Empty>
            ) : (
              <DataTable rows={nt.deliveries} columns={deliveryColumns} rowKey={(d) => `${d.attempt}-${d.at}`} />
            )}
            {nt.lastError && nt.deliveries.length === 0 && <p className="mono">Last error: {nt.lastError}</p>}
          </section>
          <NoticeOutcomes campaignId={nt.campaign.id} noticeId={nt.id} />
          <section aria-labelledby="replies-title">
            <h2 id="replies-title">Owners' answers</h2>
            {nt.replies.length === 0 ? (
              <Empty>No answer through this notice's link yet.</Empty>
            ) : (
              <DataTable rows={nt.replies} columns={replyColumns} rowKey={(r) => r.id} />
            )}
          </section>
          {nt.following.length > 0 && (
            <section aria-labelledby="following-title">
              <h2 id="following-title">Reminders and resends</h2>
              <DataTable rows={nt.following} columns={followingColumns} rowKey={(f) => f.id} />
            </section>
          )}
          {canResend && (
            <section aria-labelledby="resend-title">
              <h2 id="resend-title">Resend to a corrected contact</h2>
              <Resend notice={nt} />
            </section>
          )}
          <section aria-labelledby="mail-title">
            <h2 id="mail-title">The mail</h2>
            {nt.mail ? (
              <article className="mail" aria-label="The notice's mail">
                <dl className="mail-head">
                  <dt>To</dt>
                  <dd>{nt.recipients.join(", ")}</dd>
                  <dt>Subject</dt>
                  <dd>{nt.mail.subject}</dd>
                </dl>
                <pre className="mail-body">{nt.mail.text}</pre>
              </article>
            ) : (
              <Empty>No host is left for this notice to list.</Empty>
            )}
          </section>
        </>
      )}
    </AsyncView>
  );
}
