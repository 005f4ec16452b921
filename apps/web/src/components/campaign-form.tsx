import { useState, type FormEvent } from "react";
import { LANGUAGES, TLPS, type Advice, type CampaignInput, type Language, type Tlp } from "../api/index.ts";
import { tlpLabel } from "../lib/format.ts";
import { LanguageTabs, tabPanelProps } from "./language-tabs.tsx";
import { ErrorBox } from "./status.tsx";

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** RSIT classes of the "vulnerable" family and neighbours a notification campaign is usually about. */
const RSIT: { cls: string; types: string[] }[] = [
  {
    cls: "vulnerable",
    types: [
      "vulnerable-system",
      "weak-crypto",
      "ddos-amplifier",
      "potentially-unwanted-accessible",
      "information-disclosure",
    ],
  },
  { cls: "intrusions", types: ["system-compromise", "application-compromise", "burglary"] },
  { cls: "malicious-code", types: ["infected-system", "c2-server", "malware-distribution", "malware-configuration"] },
  { cls: "information-gathering", types: ["scanner", "sniffing", "social-engineering"] },
  { cls: "other", types: ["undetermined"] },
];

export const emptyCampaign = (): CampaignInput => ({
  name: "",
  description: "",
  cves: [],
  rsitClass: "vulnerable",
  rsitType: "vulnerable-system",
  severity: "high",
  tlp: "AMBER",
  advice: {},
  compromiseSince: null,
  reminderEveryDays: null,
});

/** One language's advice as the form edits it: plain text, one action or link a line. */
type AdviceDraft = { summary: string; actions: string; compromiseCheck: string; links: string };

const toDraft = (a: Advice | undefined): AdviceDraft => ({
  summary: a?.summary ?? "",
  actions: (a?.actions ?? []).join("\n"),
  compromiseCheck: a?.compromiseCheck ?? "",
  links: (a?.links ?? []).map((l) => (l.label && l.label !== l.url ? `${l.label} | ${l.url}` : l.url)).join("\n"),
});

/** "Microsoft's advisory | https://…" or a bare URL (its host and path become the label). */
export function parseLink(line: string): { label: string; url: string } {
  const [left, right] = line.includes("|") ? line.split("|", 2).map((x) => x.trim()) : ["", line.trim()];
  const url = right ?? "";
  let label = left ?? "";
  if (!label) {
    try {
      const u = new URL(url);
      label = `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
    } catch {
      label = url;
    }
  }
  return { label, url };
}

const fromDraft = (d: AdviceDraft): Advice => ({
  summary: d.summary.trim(),
  actions: d.actions
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean),
  compromiseCheck: d.compromiseCheck.trim(),
  links: d.links
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean)
    .map(parseLink),
});

export function CampaignForm(props: {
  initial: CampaignInput;
  submitLabel: string;
  onSubmit: (c: CampaignInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [c, setC] = useState(props.initial);
  const [cves, setCves] = useState(props.initial.cves.join(", "));
  const [drafts, setDrafts] = useState<Record<Language, AdviceDraft>>(
    Object.fromEntries(LANGUAGES.map((l) => [l, toDraft(props.initial.advice[l])])) as Record<Language, AdviceDraft>,
  );
  const [lang, setLang] = useState<Language>("nl");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const draft = drafts[lang];
  const setDraft = (patch: Partial<AdviceDraft>) => setDrafts((d) => ({ ...d, [lang]: { ...d[lang], ...patch } }));
  const types = RSIT.find((r) => r.cls === c.rsitClass)?.types ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const advice: CampaignInput["advice"] = {};
      // A language without a summary has no advice: its notices fall back to English.
      for (const l of LANGUAGES) if (drafts[l].summary.trim()) advice[l] = fromDraft(drafts[l]);
      await props.onSubmit({
        ...c,
        name: c.name.trim(),
        cves: cves
          .split(/[\s,;]+/)
          .map((x) => x.trim().toUpperCase())
          .filter(Boolean),
        advice,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card">
      <ErrorBox error={error} title="Not saved" />
      <div className="form-grid">
        <div className="wide">
          <label htmlFor="campaign-name">Name</label>
          <input id="campaign-name" required value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} />
        </div>
        <div className="wide">
          <label htmlFor="campaign-description">Description (for staff)</label>
          <textarea
            id="campaign-description"
            rows={2}
            value={c.description}
            onChange={(e) => setC({ ...c, description: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="campaign-cves">CVEs</label>
          <input
            id="campaign-cves"
            className="mono"
            value={cves}
            onChange={(e) => setCves(e.target.value)}
            placeholder="CVE-2021-26855, CVE-2021-27065"
          />
        </div>
        <div>
          <label htmlFor="campaign-rsit-class">RSIT class</label>
          <select
            id="campaign-rsit-class"
            value={c.rsitClass}
            onChange={(e) =>
              setC({
                ...c,
                rsitClass: e.target.value,
                rsitType: RSIT.find((r) => r.cls === e.target.value)?.types[0] ?? "",
              })
            }
          >
            {RSIT.map((r) => (
              <option key={r.cls}>{r.cls}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="campaign-rsit-type">RSIT type</label>
          <select id="campaign-rsit-type" value={c.rsitType} onChange={(e) => setC({ ...c, rsitType: e.target.value })}>
            {!types.includes(c.rsitType) && <option>{c.rsitType}</option>}
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="campaign-severity">Severity</label>
          <select id="campaign-severity" value={c.severity} onChange={(e) => setC({ ...c, severity: e.target.value })}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="campaign-tlp">TLP</label>
          <select id="campaign-tlp" value={c.tlp} onChange={(e) => setC({ ...c, tlp: e.target.value as Tlp })}>
            {TLPS.map((t) => (
              <option key={t} value={t}>
                {tlpLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="campaign-since">Look for compromise since</label>
          <input
            id="campaign-since"
            type="date"
            value={c.compromiseSince?.slice(0, 10) ?? ""}
            onChange={(e) => setC({ ...c, compromiseSince: e.target.value ? `${e.target.value}T00:00:00.000Z` : null })}
          />
        </div>
        <div>
          <label htmlFor="campaign-remind">
            Remind every <span className="hint">days; empty: only by hand</span>
          </label>
          <input
            id="campaign-remind"
            type="number"
            min={1}
            value={c.reminderEveryDays ?? ""}
            onChange={(e) => setC({ ...c, reminderEveryDays: e.target.value ? Number(e.target.value) : null })}
          />
        </div>
      </div>

      <fieldset>
        <legend>Advice to the owners, per language</legend>
        <p className="hint">
          What it is, what to do now (patch, then look for compromise), and links. Organizations get it in their
          language; English is the fallback.
        </p>
        <LanguageTabs
          id="advice"
          label="Language of the advice"
          value={lang}
          onChange={setLang}
          marks={Object.fromEntries(LANGUAGES.map((l) => [l, drafts[l].summary.trim() !== ""]))}
        />
        <div {...tabPanelProps("advice", lang)} className="tab-panel">
          <label htmlFor="advice-summary">What it is</label>
          <textarea
            id="advice-summary"
            rows={4}
            value={draft.summary}
            onChange={(e) => setDraft({ summary: e.target.value })}
          />
          <label htmlFor="advice-actions">
            What to do now <span className="hint">one step a line, in order (patch first)</span>
          </label>
          <textarea
            id="advice-actions"
            rows={6}
            value={draft.actions}
            onChange={(e) => setDraft({ actions: e.target.value })}
          />
          <label htmlFor="advice-compromise">
            What to look for since the compromise date{" "}
            <span className="hint">
              web shells, unknown foreign IPs, activity outside office hours, credentials to reset; {"{since}"} becomes
              the date
            </span>
          </label>
          <textarea
            id="advice-compromise"
            rows={5}
            value={draft.compromiseCheck}
            onChange={(e) => setDraft({ compromiseCheck: e.target.value })}
          />
          <label htmlFor="advice-links">
            Links <span className="hint">one a line: “label | https://…” or just the URL</span>
          </label>
          <textarea
            id="advice-links"
            className="mono"
            rows={3}
            value={draft.links}
            onChange={(e) => setDraft({ links: e.target.value })}
          />
        </div>
      </fieldset>
      <div className="actions">
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
