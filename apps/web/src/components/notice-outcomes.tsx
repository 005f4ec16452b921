import { api, type NoticeDelivery } from "../api/index.ts";
import { dateTime } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { StatusBadge } from "./badges.tsx";
import { DataTable, type Column } from "./data-table.tsx";
import { AsyncView, Empty } from "./status.tsx";

type Outcome = NoticeDelivery["outcomes"][number];
type Returned = NoticeDelivery["messages"][number];

// Colours by what the outcome means for the contact: reached, lost, or not known yet.
const OUTCOME_STATUS: Record<Outcome["kind"], string> = {
  accepted: "sent",
  delivered: "sent",
  "auto-reply": "sent",
  delayed: "queued",
  refused: "failed",
  failed: "failed",
};

const outcomeColumns: Column<Outcome>[] = [
  { header: "Recipient", mono: true, cell: (o) => o.recipient },
  { header: "Outcome", cell: (o) => <StatusBadge status={OUTCOME_STATUS[o.kind]} label={o.kind} /> },
  { header: "Stage", cell: (o) => (o.stage === "report" ? "later report" : o.stage.toUpperCase()) },
  { header: "Status", mono: true, cell: (o) => o.status ?? "—" },
  { header: "Diagnostic", cell: (o) => o.diagnostic ?? "—" },
  { header: "At", cell: (o) => dateTime(o.at) },
];

const returnedColumns: Column<Returned>[] = [
  { header: "Received", cell: (m) => dateTime(m.receivedAt) },
  { header: "Kind", cell: (m) => m.kind },
  { header: "From", mono: true, cell: (m) => m.fromAddress ?? "—" },
  { header: "Subject", cell: (m) => m.subject ?? "—" },
  { header: "Read as", cell: (m) => [m.layout, m.reason].filter(Boolean).join(": ") },
];

/** What became of a notice once it left (issue 15): per recipient, what came back, and where it was redirected. */
export function NoticeOutcomes({ campaignId, noticeId }: { campaignId: string; noticeId: string }) {
  const delivery = useAsync(() => api.notices.noticeDelivery(campaignId, noticeId), [campaignId, noticeId]);
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Recipients’ outcomes</h2>
      <AsyncView state={delivery} what="the recipients’ outcomes">
        {(d) => (
          <>
            {d.redirectOf && (
              <p>
                Re-sends the bounced notice <Link to={`/notices/${d.redirectOf}`}>{d.redirectOf}</Link> to the
                organization’s fallback contact.
              </p>
            )}
            {d.redirect && (
              <p>
                Reached no one: redirected once as{" "}
                <Link to={`/notices/${d.redirect.id}`} className="mono">
                  {d.redirect.reference}
                </Link>{" "}
                to {d.redirect.recipients.join(", ")} <StatusBadge status={d.redirect.status} />
              </p>
            )}
            {d.outcomes.length === 0 ? (
              <Empty>No outcome recorded yet.</Empty>
            ) : (
              <DataTable
                rows={d.outcomes}
                columns={outcomeColumns}
                rowKey={(o) => `${o.recipient}-${o.stage}-${o.at}`}
                label="Recipients’ outcomes"
              />
            )}
            <h3>Bounces and auto-replies</h3>
            {d.messages.length === 0 ? (
              <Empty>Nothing came back for this notice.</Empty>
            ) : (
              <DataTable rows={d.messages} columns={returnedColumns} rowKey={(m) => m.id} label="Returned mail" />
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
