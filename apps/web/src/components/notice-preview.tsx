import { useEffect, useState } from "react";
import { api, type Language, type NoticePreview, type Preview } from "../api/index.ts";
import { bytes, n } from "../lib/format.ts";
import { LanguageTabs, tabPanelProps } from "./language-tabs.tsx";
import { ErrorBox, Loading } from "./status.tsx";

/** The columns of a notice's host attachment (the API sends the rows without the header). */
const HOST_COLUMNS = ["ip", "port", "protocol", "hostname", "seen_at", "tag", "version"];

/**
 * What the campaign would send now, without sending: the counts, then one organization's notice as its
 * recipients will read it, in any of the four languages, with the rows of its CSV attachment.
 */
export function NoticePreviewPanel({ campaignId, overview }: { campaignId: string; overview: Preview }) {
  const [organizationId, setOrganizationId] = useState(overview.organizations[0]?.id ?? "");
  const [language, setLanguage] = useState<Language | null>(null);
  const [notice, setNotice] = useState<NoticePreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!organizationId) return;
    let current = true;
    setLoading(true);
    setError(null);
    api.campaigns
      .previewCampaign(campaignId, { organizationId, language: language ?? undefined })
      .then(
        (p) => current && setNotice(p.notices[0] ?? null),
        (err) => current && setError(err),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [campaignId, organizationId, language]);

  const shownLanguage = language ?? notice?.language ?? "en";
  return (
    <div className="preview">
      <PreviewCounts preview={overview} />
      {overview.organizations.length > 0 && (
        <>
          <label htmlFor="preview-org">Organization</label>
          <select
            id="preview-org"
            value={organizationId}
            onChange={(e) => {
              setOrganizationId(e.target.value);
              setLanguage(null);
            }}
          >
            {overview.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} — {n(o.hosts)} host(s){o.language ? `, ${o.language}` : ""}
              </option>
            ))}
          </select>
        </>
      )}
      <ErrorBox error={error} title="No preview" />
      {loading && !notice && <Loading what="the notice" />}
      {notice && (
        <article className="mail" aria-label="Notice preview" aria-busy={loading}>
          <LanguageTabs id="preview" label="Language of the notice" value={shownLanguage} onChange={setLanguage} />
          <div {...tabPanelProps("preview", shownLanguage)} className="tab-panel">
            <dl className="mail-head">
              <dt>To</dt>
              <dd>{notice.recipients.join(", ") || "— (no active contact)"}</dd>
              <dt>Subject</dt>
              <dd data-testid="preview-subject">{notice.subject}</dd>
            </dl>
            <pre className="mail-body" data-testid="preview-body">
              {notice.text}
            </pre>
            {notice.attachment && (
              <section aria-label="Attachment">
                <h4>
                  Attachment <span className="mono">{notice.attachment.filename}</span> (
                  {n(notice.attachment.rows.length)} row(s))
                </h4>
                <div className="table-wrap">
                  <table className="compact">
                    <thead>
                      <tr>
                        {HOST_COLUMNS.map((c) => (
                          <th scope="col" key={c}>
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {notice.attachment.rows.slice(0, 100).map((r, i) => (
                        <tr key={i}>
                          {r.map((cell, j) => (
                            <td key={j} className="mono">
                              {cell}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {notice.attachment.rows.length > 100 && <p className="muted">First 100 rows shown.</p>}
              </section>
            )}
            <XarfSection xarf={notice.xarf} />
          </div>
        </article>
      )}
    </div>
  );
}

/** The X-ARF v4 reports the notice would carry beside the CSV, the hosts that get none and why. */
function XarfSection({ xarf }: { xarf: NoticePreview["xarf"] }) {
  return (
    <section aria-label="X-ARF reports">
      <h4>X-ARF reports</h4>
      {!xarf ? (
        <p className="muted">None: the campaign is not classified (RSIT), so no X-ARF type applies.</p>
      ) : xarf.omitted ? (
        <p className="muted">None: too many hosts for one mail; the CSV lists them all (the notice says so).</p>
      ) : (
        <>
          {xarf.attachments.length > 0 ? (
            <ul>
              {xarf.attachments.map((a) => (
                <li key={a.filename}>
                  <span className="mono">{a.filename}</span> ({bytes(a.size)})
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <p>
            {n(xarf.reports)} report(s), one per host
            {xarf.refusedCount > 0 && `; ${n(xarf.refusedCount)} host(s) without one:`}
          </p>
          {xarf.refused.length > 0 && (
            <ul>
              {xarf.refused.map((r, i) => (
                <li key={i}>
                  <span className="mono">{r.host}</span>: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function PreviewCounts({ preview }: { preview: Preview }) {
  const { counts } = preview;
  // One notice (one mail, to all the organization's active contacts) per organization.
  const noContact = preview.skipped.filter((s) => s.reason === "no_contact");
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Organizations</dt>
          <dd data-testid="preview-organizations">{n(counts.notices)}</dd>
        </div>
        <div>
          <dt>Mails</dt>
          <dd data-testid="preview-mails">{n(counts.notices)}</dd>
        </div>
        <div>
          <dt>Hosts</dt>
          <dd>{n(counts.hosts)}</dd>
        </div>
        <div>
          <dt>No contact</dt>
          <dd>{n(counts.noContact)}</dd>
        </div>
      </dl>
      {noContact.length > 0 && (
        <details>
          <summary>{n(noContact.length)} organization(s) have no active contact and will get no mail</summary>
          <ul>
            {noContact.map((o) => (
              <li key={o.organizationId || o.name}>{o.name}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
