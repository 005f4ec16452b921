import { useState } from "react";
import {
  api,
  LANGUAGES,
  SEVERITIES,
  TLPS,
  type Advice,
  type Campaign,
  type CampaignInput,
  type Language,
  type RsitTaxonomy,
} from "../api/index.ts";
import { tlpLabel } from "../lib/format.ts";
import { useAsync } from "../lib/use-async.ts";
import { SelectField, TextField } from "./fields.tsx";
import { LanguageTabs, tabPanelProps } from "./language-tabs.tsx";
import { EditForm } from "./edit-form.tsx";

export const emptyCampaign = (): CampaignInput => ({
  name: "",
  description: "",
  cves: [],
  rsitClass: null,
  rsitType: null,
  severity: "high",
  tlp: "AMBER",
  advice: {},
  compromiseSince: null,
  reminderEveryDays: null,
});

/** A stored campaign as the form starts from it (the api answers a severity as any text; the form offers four). */
export const campaignInput = (c: Campaign): CampaignInput => ({
  name: c.name,
  description: c.description,
  cves: c.cves,
  rsitClass: c.rsitClass,
  rsitType: c.rsitType,
  severity: SEVERITIES.find((s) => s === c.severity) ?? "high",
  tlp: c.tlp,
  advice: c.advice,
  compromiseSince: c.compromiseSince,
  reminderEveryDays: c.reminderEveryDays,
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

  const draft = drafts[lang];
  const setDraft = (patch: Partial<AdviceDraft>) => setDrafts((d) => ({ ...d, [lang]: { ...d[lang], ...patch } }));
  // The report form's vocabulary, with its names, from the api (one source for both).
  const taxonomy = useAsync(() => api.campaigns.rsitTaxonomy(), []);
  const classes: RsitTaxonomy = taxonomy.data ?? [];
  const types = classes.find((r) => r.value === c.rsitClass)?.types ?? [];

  async function save() {
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
  }

  return (
    <EditForm submitLabel={props.submitLabel} onSave={save} onCancel={props.onCancel}>
      <div className="form-grid">
        <TextField
          id="campaign-name"
          label="Name"
          className="wide"
          required
          value={c.name}
          onChange={(name) => setC({ ...c, name })}
        />
        <TextField
          id="campaign-description"
          label="Description (for staff)"
          className="wide"
          rows={2}
          value={c.description}
          onChange={(description) => setC({ ...c, description })}
        />
        <TextField
          id="campaign-cves"
          label="CVEs"
          mono
          value={cves}
          onChange={setCves}
          placeholder="CVE-2021-26855, CVE-2021-27065"
        />
        <SelectField
          id="campaign-rsit-class"
          label="RSIT class"
          hint="empty: taken from its first list of a known report type"
          value={c.rsitClass ?? ""}
          empty="Not classified yet"
          options={classes.map((r) => ({ value: r.value, label: r.name }))}
          onChange={(value) => {
            const cls = classes.find((r) => r.value === value);
            setC({ ...c, rsitClass: cls?.value ?? null, rsitType: cls?.types[0]?.value ?? null });
          }}
        />
        <SelectField
          id="campaign-rsit-type"
          label="RSIT type"
          value={c.rsitType ?? ""}
          disabled={!c.rsitClass}
          options={types.map((t) => ({ value: t.value, label: t.name }))}
          onChange={(value) => setC({ ...c, rsitType: types.find((t) => t.value === value)?.value ?? null })}
        />
        <SelectField
          id="campaign-severity"
          label="Severity"
          value={c.severity}
          options={SEVERITIES}
          onChange={(severity) => setC({ ...c, severity })}
        />
        <SelectField
          id="campaign-tlp"
          label="TLP"
          value={c.tlp}
          options={TLPS.map((t) => ({ value: t, label: tlpLabel(t) }))}
          onChange={(tlp) => setC({ ...c, tlp })}
        />
        <TextField
          id="campaign-since"
          label="Look for compromise since"
          type="date"
          value={c.compromiseSince?.slice(0, 10) ?? ""}
          onChange={(day) => setC({ ...c, compromiseSince: day ? `${day}T00:00:00.000Z` : null })}
        />
        <TextField
          id="campaign-remind"
          label="Remind every"
          hint="days; empty: only by hand"
          type="number"
          min={1}
          value={c.reminderEveryDays === null ? "" : String(c.reminderEveryDays)}
          onChange={(days) => setC({ ...c, reminderEveryDays: days ? Number(days) : null })}
        />
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
          <TextField
            id="advice-summary"
            label="What it is"
            rows={4}
            value={draft.summary}
            onChange={(summary) => setDraft({ summary })}
          />
          <TextField
            id="advice-actions"
            label="What to do now"
            hint="one step a line, in order (patch first)"
            rows={6}
            value={draft.actions}
            onChange={(actions) => setDraft({ actions })}
          />
          <TextField
            id="advice-compromise"
            label="What to look for since the compromise date"
            hint={
              <>
                web shells, unknown foreign IPs, activity outside office hours, credentials to reset; {"{since}"}{" "}
                becomes the date
              </>
            }
            rows={5}
            value={draft.compromiseCheck}
            onChange={(compromiseCheck) => setDraft({ compromiseCheck })}
          />
          <TextField
            id="advice-links"
            label="Links"
            hint="one a line: “label | https://…” or just the URL"
            mono
            rows={3}
            value={draft.links}
            onChange={(links) => setDraft({ links })}
          />
        </div>
      </fieldset>
    </EditForm>
  );
}
