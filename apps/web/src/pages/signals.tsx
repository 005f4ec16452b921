import { useState } from "react";
import { api, type Signal, type SignalFilter, type SignalKind } from "../api/index.ts";
import { OrgLink } from "../components/badges.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { PageHead } from "../components/layout.tsx";
import { Pager } from "../components/pager.tsx";
import { SIGNALS_CHANGED } from "../components/signal-count.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { dateTime, n, words } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAction, useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

const PAGE_SIZE = 50;

const KIND_LABELS: Record<SignalKind, string> = {
  owner_alert: "Compromise or call for help",
  owner_claim: "Not ours / false positive",
  notice_failed: "Notice not delivered",
  report_new: "New incident report",
  list_rejected: "List with rejected rows",
};

/** What the signal says, in a heading an analyst reads at a glance. */
function title(s: Signal) {
  const org = s.organization?.name ?? "An owner";
  switch (s.kind) {
    case "owner_alert":
      return s.compromise === "yes" ? `${org} found signs of compromise` : `${org} asks for help`;
    case "owner_claim":
      return s.answer === "false_positive" ? `${org} says: false positive` : `${org} says: not ours`;
    case "notice_failed":
      return `Notice to ${org} not delivered`;
    case "report_new":
      return `New incident report ${s.reference}`;
    case "list_rejected":
      return `${n(s.count)} rows rejected in ${s.reference}`;
  }
}

/** Where the signal's subject is, and how the link says it. */
function subject(s: Signal): { to: string; label: string } | null {
  if (s.noticeId) return { to: `/notices/${s.noticeId}`, label: `Notice ${s.reference}` };
  if (s.reportId) return { to: `/reports/${s.reportId}`, label: `Report ${s.reference}` };
  if (s.listId) return { to: `/lists/${s.listId}`, label: `List ${s.reference}` };
  return null;
}

function Detail({ s }: { s: Signal }) {
  if (s.kind === "owner_alert" || s.kind === "owner_claim") {
    return (
      <>
        <p>
          Answer <strong>{words(s.answer ?? "")}</strong>
          {s.compromise === "yes" && <strong className="bad">, compromise found</strong>} for {n(s.count)} host
          {s.count === 1 ? "" : "s"}
          {s.campaign && (
            <>
              {" "}
              in <Link to={`/campaigns/${s.campaign.id}`}>{s.campaign.name}</Link>
            </>
          )}
          {s.organization && (
            <>
              {" "}
              · <OrgLink org={s.organization} />
            </>
          )}
        </p>
        {s.comment && <p className="pre-line">“{s.comment}”</p>}
        {s.detail && <p>Better contact named: {s.detail}</p>}
      </>
    );
  }
  if (s.kind === "notice_failed") return <p className="mono">{s.detail}</p>;
  if (s.kind === "report_new") return <p>{words(s.detail ?? "")}</p>;
  return null;
}

function SignalItem({ s, onHandled }: { s: Signal; onHandled: () => void }) {
  const canHandle = useCan("analyst");
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { busy, error, act } = useAction();
  const link = subject(s);
  const urgent = s.kind === "owner_alert" || s.kind === "notice_failed";
  return (
    <li
      className={s.handled ? "signal-handled" : urgent ? "signal-urgent" : undefined}
      aria-labelledby={`signal-${s.kind}-${s.subjectId}`}
    >
      <p className="muted">
        {KIND_LABELS[s.kind]} · {dateTime(s.at)}
      </p>
      <h2 id={`signal-${s.kind}-${s.subjectId}`}>{title(s)}</h2>
      <Detail s={s} />
      {link && (
        <p>
          <Link to={link.to}>{link.label}</Link>
        </p>
      )}
      {s.handled ? (
        <p>
          <strong>Handled</strong> by {s.handled.by?.name || s.handled.by?.email || "a former colleague"} on{" "}
          {dateTime(s.handled.at)}
          {s.handled.note && <>: {s.handled.note}</>}
        </p>
      ) : (
        canHandle &&
        (open ? (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (await act(() => api.signals.handleSignal(s.kind, s.subjectId, note))) {
                window.dispatchEvent(new Event(SIGNALS_CHANGED));
                onHandled();
              }
            }}
          >
            <TextField
              id={`note-${s.kind}-${s.subjectId}`}
              label="Note (what was done)"
              rows={2}
              value={note}
              onChange={setNote}
            />
            <ErrorBox error={error} />
            <div className="actions">
              <button type="submit" disabled={busy}>
                Mark handled
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            Handle…
          </button>
        ))
      )}
    </li>
  );
}

/** The landing page: everything that needs a person, newest first. */
export function SignalsPage() {
  const [filter, setFilter] = useState<SignalFilter>({ state: "open" });
  const [page, setPage] = useState(1);
  const signals = useAsync(() => api.signals.listSignals(filter, page, PAGE_SIZE), [filter, page]);
  const apply = (f: SignalFilter) => {
    setFilter(f);
    setPage(1);
  };
  return (
    <>
      <PageHead title="Signals" />
      <p className="muted">
        Everything that needs a person: owners' alarms and disputes, undelivered notices, new reports, rejected rows.
      </p>
      <div className="filters">
        <SelectField
          id="signal-state"
          label="Show"
          value={filter.state ?? "open"}
          options={[
            { value: "open", label: "open" },
            { value: "handled", label: "handled" },
            { value: "all", label: "all" },
          ]}
          onChange={(state) => apply({ ...filter, state })}
        />
        <SelectField
          id="signal-kind"
          label="Kind"
          value={filter.kind ?? ""}
          empty="every kind"
          options={(Object.keys(KIND_LABELS) as SignalKind[]).map((value) => ({ value, label: KIND_LABELS[value] }))}
          onChange={(kind) => apply({ ...filter, kind: kind || undefined })}
        />
      </div>
      <AsyncView state={signals} what="the signals">
        {(p) =>
          p.signals.length === 0 ? (
            <Empty>{filter.state === "open" ? "Nothing waits for anyone." : "No signal matches."}</Empty>
          ) : (
            <>
              <ul className="signals">
                {p.signals.map((s) => (
                  <SignalItem key={`${s.kind}-${s.subjectId}`} s={s} onHandled={() => void signals.reload()} />
                ))}
              </ul>
              <Pager page={{ items: p.signals, total: p.total, page, pageSize: PAGE_SIZE }} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
