import { useState } from "react";
import { TLPS, type Campaign, type FeedDetail, type FeedInput, type FeedKind, type Tlp } from "../api/index.ts";
import { tlpLabel } from "../lib/format.ts";
import { cronOf, scheduleDraft, type ScheduleDraft } from "../lib/schedule.ts";
import { EditForm } from "./edit-form.tsx";
import { CheckField, SelectField, TextField } from "./fields.tsx";

/** A feed as the form edits it: lists as comma-separated text, the schedule as the choices staff see. */
type FeedDraft = {
  kind: FeedKind;
  name: string;
  enabled: boolean;
  apiKey: string;
  secret: string;
  apiUrl: string;
  downloadUrl: string;
  reportTypes: string;
  mailingLists: string;
  schedule: ScheduleDraft;
  lookbackDays: number;
  tlp: Tlp;
  rules: { reportType: string; campaignId: string }[];
};

const words = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const emptyFeed = (): FeedDraft => ({
  kind: "shadowserver",
  name: "",
  enabled: true,
  apiKey: "",
  secret: "",
  apiUrl: "",
  downloadUrl: "",
  reportTypes: "",
  mailingLists: "",
  schedule: { ...scheduleDraft(null), mode: "daily" },
  lookbackDays: 2,
  tlp: "AMBER",
  rules: [],
});

/** A stored feed as the form starts from it: never its credentials (the api does not have them to give). */
export const feedDraft = (f: FeedDetail): FeedDraft => ({
  kind: f.kind,
  name: f.name,
  enabled: f.enabled,
  apiKey: "",
  secret: "",
  apiUrl: f.apiUrl ?? "",
  downloadUrl: f.downloadUrl ?? "",
  reportTypes: f.reportTypes.join(", "),
  mailingLists: f.mailingLists.join(", "),
  schedule: scheduleDraft(f.schedule),
  lookbackDays: f.lookbackDays,
  tlp: f.tlp,
  rules: f.rules.map(({ reportType, campaignId }) => ({ reportType, campaignId })),
});

/** What the api takes from the form: every field, the credentials only when typed. */
export type FeedBody = Required<Omit<FeedInput, "apiKey" | "secret">> & Pick<FeedInput, "apiKey" | "secret">;

/** Empty credentials are left out: a change then keeps the stored ones. */
function feedBody(d: FeedDraft): FeedBody {
  const pulled = d.kind === "shadowserver";
  return {
    kind: d.kind,
    name: d.name.trim(),
    enabled: d.enabled,
    ...(d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : {}),
    ...(d.secret.trim() ? { secret: d.secret.trim() } : {}),
    apiUrl: pulled && d.apiUrl.trim() ? d.apiUrl.trim() : null,
    downloadUrl: pulled && d.downloadUrl.trim() ? d.downloadUrl.trim() : null,
    reportTypes: words(d.reportTypes),
    mailingLists: words(d.mailingLists),
    schedule: pulled ? cronOf(d.schedule) : null,
    lookbackDays: d.lookbackDays,
    tlp: d.tlp,
    rules: d.rules.filter((r) => r.reportType.trim() && r.campaignId),
  };
}

/**
 * Create or change a feed source: where reports come from, when, which of them, and which campaign each
 * report type joins. The API key and secret are write-only: a change with them empty keeps the stored ones.
 */
export function FeedForm(props: {
  initial: FeedDraft;
  /** The stored feed, when changing one: its key's last characters are shown, the kind is fixed. */
  stored?: FeedDetail;
  campaigns: Campaign[];
  submitLabel: string;
  onSubmit: (body: FeedBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const [d, setD] = useState(props.initial);
  const set = (patch: Partial<FeedDraft>) => setD((x) => ({ ...x, ...patch }));
  const setSchedule = (patch: Partial<ScheduleDraft>) => setD((x) => ({ ...x, schedule: { ...x.schedule, ...patch } }));
  const setRule = (i: number, patch: Partial<FeedDraft["rules"][number]>) =>
    setD((x) => ({ ...x, rules: x.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const pulled = d.kind === "shadowserver";
  const keep = props.stored?.hasCredentials
    ? `stored (key ${props.stored.apiKeyHint ?? "…"}); empty keeps it`
    : undefined;

  return (
    <EditForm submitLabel={props.submitLabel} onSave={() => props.onSubmit(feedBody(d))} onCancel={props.onCancel}>
      <div className="form-grid">
        <TextField id="feed-name" label="Name" required value={d.name} onChange={(name) => set({ name })} />
        <SelectField<FeedKind>
          id="feed-kind"
          label="Reports come"
          value={d.kind}
          disabled={!!props.stored}
          options={[
            { value: "shadowserver", label: "from Shadowserver's Reports API (pulled)" },
            { value: "push", label: "pushed by a tool (POST …/reports)" },
          ]}
          onChange={(kind) => set({ kind })}
        />
        <SelectField<Tlp>
          id="feed-tlp"
          label="TLP of its lists"
          value={d.tlp}
          options={TLPS.map((t) => ({ value: t, label: tlpLabel(t) }))}
          onChange={(tlp) => set({ tlp })}
        />
        <CheckField label="Enabled" checked={d.enabled} onChange={(enabled) => set({ enabled })} />
      </div>

      {pulled && (
        <fieldset>
          <legend>Shadowserver account</legend>
          <p className="hint">
            From Shadowserver&apos;s portal. Stored sealed (FEED_SECRET_KEY) and never shown again, here or by the API.
          </p>
          <div className="form-grid">
            <TextField
              id="feed-api-key"
              label="API key"
              hint={keep}
              type="password"
              autoComplete="off"
              mono
              required={!props.stored?.hasCredentials}
              value={d.apiKey}
              onChange={(apiKey) => set({ apiKey })}
            />
            <TextField
              id="feed-secret"
              label="Secret"
              hint={keep && "empty keeps it"}
              type="password"
              autoComplete="off"
              mono
              required={!props.stored?.hasCredentials}
              value={d.secret}
              onChange={(secret) => set({ secret })}
            />
            <TextField
              id="feed-api-url"
              label="API address"
              hint="empty: Shadowserver's"
              mono
              value={d.apiUrl}
              onChange={(apiUrl) => set({ apiUrl })}
              placeholder="https://transform.shadowserver.org/api2/"
            />
            <TextField
              id="feed-download-url"
              label="Download address"
              hint="empty: Shadowserver's"
              mono
              value={d.downloadUrl}
              onChange={(downloadUrl) => set({ downloadUrl })}
              placeholder="https://dl.shadowserver.org/"
            />
          </div>
        </fieldset>
      )}

      {pulled && (
        <fieldset>
          <legend>When and what</legend>
          <div className="form-grid">
            <SelectField<ScheduleDraft["mode"]>
              id="feed-schedule"
              label="Pull"
              hint="in the CERT's time zone"
              value={d.schedule.mode}
              options={[
                { value: "manual", label: "only when asked" },
                { value: "daily", label: "every day at" },
                { value: "hours", label: "every few hours" },
                { value: "cron", label: "on a cron schedule" },
              ]}
              onChange={(mode) => setSchedule({ mode })}
            />
            {d.schedule.mode === "daily" && (
              <TextField
                id="feed-time"
                label="Time"
                type="time"
                required
                value={d.schedule.time}
                onChange={(time) => setSchedule({ time })}
              />
            )}
            {d.schedule.mode === "hours" && (
              <TextField
                id="feed-hours"
                label="Every"
                hint="hours"
                type="number"
                min={1}
                max={23}
                value={String(d.schedule.hours)}
                onChange={(hours) => setSchedule({ hours: Number(hours) })}
              />
            )}
            {d.schedule.mode === "cron" && (
              <TextField
                id="feed-cron"
                label="Cron"
                hint="minute hour day month weekday; at most hourly"
                mono
                value={d.schedule.cron}
                onChange={(cron) => setSchedule({ cron })}
                placeholder="0 6 * * 1-5"
              />
            )}
            <TextField
              id="feed-lookback"
              label="Look back"
              hint="days, today included"
              type="number"
              min={1}
              max={30}
              value={String(d.lookbackDays)}
              onChange={(days) => set({ lookbackDays: Number(days) })}
            />
            <TextField
              id="feed-types"
              label="Report types"
              hint="empty: all"
              mono
              value={d.reportTypes}
              onChange={(reportTypes) => set({ reportTypes })}
              placeholder="scan_exchange, event4_sinkhole"
            />
            <TextField
              id="feed-lists"
              label="Mailing lists"
              hint="of the account; empty: all"
              mono
              value={d.mailingLists}
              onChange={(mailingLists) => set({ mailingLists })}
            />
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend>Campaigns by report type</legend>
        <p className="hint">
          A report of a type with a rule joins that campaign; any other lands unassigned among the lists, for review.
        </p>
        {d.rules.map((r, i) => (
          <div className="form-grid" key={i}>
            <TextField
              id={`rule-${i}-type`}
              label="Report type"
              mono
              value={r.reportType}
              onChange={(reportType) => setRule(i, { reportType })}
              placeholder="scan_exchange"
            />
            <SelectField
              id={`rule-${i}-campaign`}
              label="Campaign"
              value={r.campaignId}
              empty="choose a campaign"
              options={props.campaigns.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(campaignId) => setRule(i, { campaignId })}
            />
            <div>
              <button
                type="button"
                className="link-button"
                onClick={() => set({ rules: d.rules.filter((_, j) => j !== i) })}
                aria-label={`Remove the rule for ${r.reportType || `row ${i + 1}`}`}
              >
                Remove
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set({ rules: [...d.rules, { reportType: "", campaignId: "" }] })}
        >
          Add a rule
        </button>
      </fieldset>
    </EditForm>
  );
}
