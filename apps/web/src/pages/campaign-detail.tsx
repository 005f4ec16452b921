import { useState } from "react";
import { api, type Campaign, type CampaignDetail, type Language, type Preview } from "../api/index.ts";
import { CampaignForm, campaignInput } from "../components/campaign-form.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { CoverageCard } from "../components/coverage-card.tsx";
import { DeliveryFiguresView } from "../components/delivery-figures.tsx";
import { LanguageTabs, tabPanelProps } from "../components/language-tabs.tsx";
import { NoticePreviewPanel } from "../components/notice-preview.tsx";
import { NoticeQueue, pending } from "../components/notice-queue.tsx";
import { RequeueStuck } from "../components/requeue-stuck.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { date, dateTime, n, tlpLabel } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import { useAsync, usePolling } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

export function CampaignDetailPage({ id }: { id: string }) {
  const canEdit = useCan("analyst");
  const campaign = useAsync(() => api.campaigns.getCampaign(id), [id]);
  // The counts by status only: the queue's own page of notices follows each new answer.
  const notices = useAsync(() => api.campaigns.listNotices(id, {}, 1, 1), [id]);
  // Live queue progress without reloading: poll while anything is still on its way.
  usePolling(notices.reload, 1500, pending(notices.data) > 0);
  const [editing, setEditing] = useState(false);

  return (
    <AsyncView state={campaign} what="the campaign">
      {(c) => (
        <>
          <p className="breadcrumb">
            <Link to="/campaigns">Campaigns</Link> /
          </p>
          <div className="page-head">
            <h1>{c.name}</h1>
            <div className="actions">
              <Link to={`/campaigns/${c.id}/progress`} className="button secondary">
                Progress
              </Link>
              {canEdit && !editing && (
                <button type="button" onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
            </div>
          </div>
          {editing ? (
            <CampaignForm
              initial={campaignInput(c)}
              submitLabel="Save"
              onSubmit={async (input) => {
                await api.campaigns.updateCampaign(c.id, input);
                setEditing(false);
                await campaign.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <CampaignView campaign={c} />
          )}
          <CoverageCard coverage={c.coverage} what="campaign" />
          <CampaignLists campaignId={c.id} />
          <section aria-labelledby="notices-title">
            <h2 id="notices-title">Notices</h2>
            <PreviewAndSend campaign={c} onQueued={() => void notices.reload()} />
            <h3>Delivery</h3>
            <AsyncView state={notices} what="the notices">
              {(list) => (
                <>
                  <DeliveryFiguresView delivery={list.delivery} />
                  <NoticeQueue campaignId={c.id} counts={list} />
                  {canEdit && (
                    <RequeueStuck campaignId={c.id} pending={pending(list)} onDone={() => void notices.reload()} />
                  )}
                </>
              )}
            </AsyncView>
          </section>
        </>
      )}
    </AsyncView>
  );
}

function CampaignView({ campaign: c }: { campaign: CampaignDetail }) {
  const languages = (Object.keys(c.advice) as Language[]).filter((l) => c.advice[l]);
  const [lang, setLang] = useState<Language>(languages[0] ?? "en");
  const advice = c.advice[lang];
  return (
    <>
      {c.description && <p>{c.description}</p>}
      <dl className="facts">
        <dt>CVEs</dt>
        <dd>
          <CveLinks cves={c.cves} />
        </dd>
        <dt>RSIT</dt>
        <dd>
          <Classification campaign={c} />
        </dd>
        <dt>Severity</dt>
        <dd>{c.severity}</dd>
        <dt>TLP</dt>
        <dd>
          <span className={`tlp tlp-${c.tlp}`}>{tlpLabel(c.tlp)}</span>
        </dd>
        <dt>Look for compromise since</dt>
        <dd>{date(c.compromiseSince)}</dd>
        <dt>Reminders</dt>
        <dd>{c.reminderEveryDays ? `every ${c.reminderEveryDays} days` : "by hand"}</dd>
      </dl>
      <section aria-labelledby="advice-title">
        <h2 id="advice-title">Advice</h2>
        {languages.length === 0 ? (
          <Empty>No advice written yet: notices would carry only the standard text.</Empty>
        ) : (
          <>
            <LanguageTabs
              id="advice-view"
              label="Language of the advice"
              value={lang}
              onChange={setLang}
              marks={Object.fromEntries(languages.map((l) => [l, true]))}
            />
            <div {...tabPanelProps("advice-view", lang)} className="tab-panel advice">
              {advice ? (
                <>
                  <p className="pre-line">{advice.summary}</p>
                  {advice.actions.length > 0 && (
                    <ol>
                      {advice.actions.map((a, i) => (
                        <li key={i}>{a}</li>
                      ))}
                    </ol>
                  )}
                  {advice.compromiseCheck && (
                    <p className="pre-line">{advice.compromiseCheck.replaceAll("{since}", date(c.compromiseSince))}</p>
                  )}
                  {advice.links.length > 0 && (
                    <ul>
                      {advice.links.map((l) => (
                        <li key={l.url}>
                          <a href={l.url} target="_blank" rel="noreferrer noopener">
                            {l.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : (
                <p className="muted">No advice in this language: the English text is used.</p>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}

/** Each CVE linked to its record at cve.org, and to NIST's NVD (scores, references). */
function CveLinks({ cves }: { cves: string[] }) {
  if (cves.length === 0) return <>—</>;
  return (
    <ul className="inline-list">
      {cves.map((id) => (
        <li key={id}>
          <a className="mono" href={`https://www.cve.org/CVERecord?id=${id}`} target="_blank" rel="noreferrer noopener">
            {id}
          </a>{" "}
          <a
            className="muted"
            href={`https://nvd.nist.gov/vuln/detail/${id}`}
            target="_blank"
            rel="noreferrer noopener"
            aria-label={`${id} at NVD`}
          >
            (NVD)
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The class and type in words, their machine values, and the list they were taken from, if they were. */
function Classification({ campaign: c }: { campaign: CampaignDetail }) {
  if (!c.rsitClass) {
    return (
      <span className="muted">
        not classified yet: the first list of a known report type gives it (notices carry X-ARF only once classified)
      </span>
    );
  }
  const from = c.lists.find((l) => l.id === c.classifiedFromListId);
  return (
    <>
      {c.rsitLabel}{" "}
      <span className="mono muted">
        ({c.rsitClass}/{c.rsitType}
        {c.classificationIdentifier && `, ${c.classificationIdentifier}`})
      </span>
      {from && (
        <span className="muted">
          {" "}
          · taken from the list <Link to={`/lists/${from.id}`}>{from.fileName}</Link>
          {from.reportType && ` (${from.reportType})`}
        </span>
      )}
    </>
  );
}

function CampaignLists({ campaignId }: { campaignId: string }) {
  const canUpload = useCan("analyst");
  const lists = useAsync(() => api.lists.listLists({ campaignId }), [campaignId]);
  return (
    <section aria-labelledby="campaign-lists-title">
      <h2 id="campaign-lists-title">Lists</h2>
      <AsyncView state={lists} what="the campaign's lists">
        {(items) =>
          items.length === 0 ? (
            <Empty>No list attached yet.</Empty>
          ) : (
            <ul>
              {items.map((l) => (
                <li key={l.id}>
                  <Link to={`/lists/${l.id}`}>{l.fileName}</Link> — {n(l.accepted)} rows, {dateTime(l.createdAt)}
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
      {canUpload && (
        <p>
          <Link to={`/lists?campaign=${campaignId}`}>Upload a list to this campaign</Link> (a later list is a follow-up
          scan: hosts absent from it are marked gone).
        </p>
      )}
    </section>
  );
}

type Action = { kind: "send" } | { kind: "remind" };

function PreviewAndSend({ campaign, onQueued }: { campaign: Campaign; onQueued: () => void }) {
  const canSend = useCan("analyst");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const loadPreview = async () => {
    setLoading(true);
    setError(null);
    try {
      const p = await api.campaigns.previewCampaign(campaign.id);
      setPreview(p);
      return p;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setLoading(false);
    }
  };

  const askSend = async () => {
    setOutcome(null);
    // The confirmation states what will go out now, so count it fresh.
    if (await loadPreview()) setConfirm({ kind: "send" });
  };

  const run = async () => {
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      if (confirm.kind === "send") {
        const r = await api.campaigns.sendCampaign(campaign.id);
        setOutcome(
          `Queued ${n(r.queued)} mail(s) to ${n(r.notices)} organization(s)` +
            (r.noContact ? `; ${n(r.noContact)} organization(s) have no contact` : "") +
            (r.quietHosts ? `; ${n(r.quietHosts)} already notified, not mailed again` : "") +
            ".",
        );
      } else {
        const r = await api.campaigns.remindCampaign(campaign.id);
        setOutcome(
          `Queued ${n(r.reminders)} reminder(s) to ${n(r.reminders)} organization(s)` +
            (r.skipped.tooRecent
              ? `; ${n(r.skipped.tooRecent)} organization(s) were notified too recently to remind yet`
              : "") +
            ".",
        );
      }
      onQueued();
      setConfirm(null);
    } catch (err) {
      setError(err);
      setConfirm(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void loadPreview()} disabled={loading}>
          {loading ? "Preparing the preview…" : preview ? "Refresh the preview" : "Preview the notices"}
        </button>
        {canSend && (
          <>
            <button type="button" onClick={() => void askSend()} disabled={loading || busy}>
              Send notices…
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => (setOutcome(null), setConfirm({ kind: "remind" }))}
              disabled={busy}
            >
              Send reminders…
            </button>
          </>
        )}
      </div>
      <ErrorBox error={error} />
      {outcome && (
        <p className="success" role="status">
          {outcome}
        </p>
      )}
      {preview && <NoticePreviewPanel campaignId={campaign.id} overview={preview} />}
      <ConfirmDialog
        open={confirm?.kind === "send"}
        title="Send this campaign?"
        confirmLabel={`Send ${n(preview?.counts.notices ?? 0)} mails`}
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setConfirm(null)}
      >
        <p data-testid="send-confirmation">
          This sends <strong>{n(preview?.counts.notices ?? 0)} mail(s)</strong> to{" "}
          <strong>{n(preview?.counts.notices ?? 0)} organization(s)</strong>, marked {tlpLabel(campaign.tlp)}.
        </p>
        {!!preview?.counts.noContact && (
          <p>{n(preview.counts.noContact)} organization(s) have no active contact: they are reported, not mailed.</p>
        )}
        <p>Hosts already notified in this campaign are not mailed again.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm?.kind === "remind"}
        title="Send reminders?"
        confirmLabel="Send reminders"
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setConfirm(null)}
      >
        <p>
          Organizations with hosts still open and no answer, or still seen after saying they fixed them, get a reminder
          with the same link. Nobody is reminded twice within the configured age.
        </p>
      </ConfirmDialog>
    </div>
  );
}
