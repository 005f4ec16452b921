// Campaigns (issues 4 and 5): CRUD, preview, send, the notice queue, reminders and progress.
import { parseCsv } from "../lib/csv.ts";
import { get, patch, post } from "./http.ts";
import {
  arr,
  first,
  language,
  noticeCore,
  num,
  numOrNull,
  obj,
  orgRef,
  str,
  strOrNull,
  tlp,
  type Raw,
} from "./read.ts";
import {
  LANGUAGES,
  NOTICE_STATUSES,
  type Advice,
  type Campaign,
  type CampaignInput,
  type Language,
  type NoticeList,
  type NoticePreview,
  type NoticeRow,
  type OrgProgress,
  type Preview,
  type Progress,
  type SendResult,
} from "./types.ts";

const path = (id: string, rest = "") => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

function advice(raw: unknown): Partial<Record<Language, Advice>> {
  const o = obj(raw);
  const out: Partial<Record<Language, Advice>> = {};
  for (const l of LANGUAGES) {
    if (!o[l]) continue;
    const a = obj(o[l]);
    out[l] = {
      summary: str(a.summary),
      actions: Array.isArray(a.actions) ? a.actions.map(str) : str(a.actions).split("\n").filter(Boolean),
      compromiseCheck: str(a.compromiseCheck),
      links: arr(a.links).map((x) =>
        typeof x === "string" ? { label: x, url: x } : { label: str(obj(x).label), url: str(obj(x).url) },
      ),
    };
  }
  return out;
}

/** What the API takes: languages with a summary only; no empty optional text. */
function adviceBody(advice: CampaignInput["advice"]) {
  const out: Record<string, unknown> = {};
  for (const l of LANGUAGES) {
    const a = advice[l];
    if (!a || !a.summary.trim()) continue;
    out[l] = {
      summary: a.summary,
      actions: a.actions.filter((x) => x.trim()),
      ...(a.compromiseCheck.trim() ? { compromiseCheck: a.compromiseCheck } : {}),
      links: a.links.filter((x) => x.url.trim()),
    };
  }
  return out;
}

const campaignBody = (input: CampaignInput) => ({ ...input, advice: adviceBody(input.advice) });

function campaign(raw: unknown): Campaign {
  const o = obj(raw);
  return {
    id: str(o.id),
    name: str(o.name),
    description: str(o.description),
    cves: arr(o.cves).map(str),
    rsitClass: str(o.rsitClass) || "vulnerable",
    rsitType: str(o.rsitType) || "vulnerable-system",
    severity: str(o.severity) || "high",
    tlp: tlp(o.tlp) ?? "AMBER",
    advice: advice(o.advice),
    compromiseSince: strOrNull(o.compromiseSince),
    reminderEveryDays: numOrNull(o.reminderEveryDays),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export async function listCampaigns(): Promise<Campaign[]> {
  return arr(await get<unknown>("/api/campaigns"), "campaigns", "items").map(campaign);
}

export const getCampaign = async (id: string) => campaign(await get<unknown>(path(id)));
export const createCampaign = async (input: CampaignInput) =>
  campaign(await post<unknown>("/api/campaigns", campaignBody(input)));
export const updateCampaign = async (id: string, input: CampaignInput) =>
  campaign(await patch<unknown>(path(id), campaignBody(input)));

/** The columns of a notice's host attachment (the API sends the rows without the header). */
const HOST_COLUMNS = ["ip", "port", "protocol", "hostname", "seen_at", "tag", "version"];

/** Attachment rows come as arrays (header apart), as objects, or as the CSV text itself. */
function attachment(raw: unknown): NoticePreview["attachment"] {
  if (!raw) return null;
  const a = obj(raw);
  const filename = str(first(a, "filename", "fileName", "name")) || "hosts.csv";
  const content = first(a, "rows", "content", "csv");
  if (typeof content === "string") {
    const [header = [], ...rows] = parseCsv(content);
    return { filename, columns: header, rows };
  }
  const rows = arr(content);
  if (rows.length > 0 && !Array.isArray(rows[0])) {
    const columns = arr(a.columns).map(str);
    const keys = columns.length > 0 ? columns : Object.keys(obj(rows[0]));
    return { filename, columns: keys, rows: rows.map((r) => keys.map((k) => str(obj(r)[k]))) };
  }
  const given = arr(first(a, "columns", "header")).map(str);
  return { filename, columns: given.length > 0 ? given : HOST_COLUMNS, rows: rows.map((r) => arr(r).map(str)) };
}

function noticePreview(raw: unknown): NoticePreview {
  const n = obj(raw);
  return {
    organization: orgRef(n.organization, n.organizationId, n.organizationName) ?? { id: "", name: "" },
    recipients: arr(first(n, "recipients", "to")).map((r) => (typeof r === "string" ? r : str(obj(r).email))),
    language: language(n.language) ?? "en",
    subject: str(n.subject),
    text: str(first(n, "text", "body")),
    attachment: attachment(first(n, "attachment", "attachments")),
  };
}

/**
 * What sending now would do. Without an organization: the counts and who would get what, no rendered mail
 * (limit 0 keeps it cheap for a thousand organizations); with one: that organization's notice.
 * `language` asks for the notice in another language than the recipients' (honoured once the API does).
 */
export async function previewCampaign(
  id: string,
  options: { organizationId?: string; language?: Language } = {},
): Promise<Preview> {
  const o = obj(await post<unknown>(path(id, "/preview"), { ...options, limit: options.organizationId ? 1 : 0 }));
  const counts = obj(o.counts);
  const skipped = arr(o.skipped).map(obj);
  const noContact = skipped.filter((s) => str(s.reason) === "no_contact" || !s.reason);
  const perOrganization = arr(first(o, "organizations", "perOrganization")).map((r) => {
    const p = obj(r);
    const ref = orgRef(p.organization ?? p, p.organizationId, p.organizationName) ?? { id: "", name: "" };
    return {
      ...ref,
      language: language(p.language),
      hosts: num(first(p, "hosts", "hostCount")),
      recipients: arr(p.recipients).map(str),
    };
  });
  // One notice (one mail, to all the organization's active contacts) per organization.
  const notices = num(first(counts, "notices", "mails"));
  return {
    organizations: notices,
    mails: notices,
    hosts: numOrNull(counts.hosts),
    noContact: noContact.map((s) => ({ id: str(s.organizationId), name: str(s.name) })),
    noContactCount: numOrNull(counts.noContact) ?? noContact.length,
    perOrganization,
    notices: arr(o.notices).map(noticePreview),
  };
}

export async function sendCampaign(id: string): Promise<SendResult> {
  const c = obj(await post<unknown>(path(id, "/send")));
  const notices = num(first(c, "notices", "queued", "mails"));
  return {
    organizations: notices,
    mails: num(first(c, "queued", "notices", "mails")),
    noContact: num(c.noContact),
    alreadyNotified: numOrNull(first(c, "quietHosts", "alreadyNotified")),
  };
}

/** Queues again the campaign's notices left without a job (a crashed worker, Redis lost); never mails twice. */
export async function requeueStuck(id: string): Promise<{ requeued: number; live: number; heldBack: number }> {
  const c = obj(await post<unknown>(path(id, "/requeue-stuck")));
  return { requeued: num(c.requeued), live: num(c.live), heldBack: num(c.heldBack) };
}

export async function listNotices(id: string): Promise<NoticeList> {
  const answer = await get<unknown>(path(id, "/notices?limit=1000"));
  const countsRaw = obj(obj(answer).counts);
  const notices = arr(answer, "notices", "items").map((raw): NoticeRow => {
    const n = obj(raw);
    return {
      ...noticeCore(n),
      organization: orgRef(n.organization, n.organizationId, n.organizationName) ?? { id: "", name: "" },
      recipients: arr(n.recipients).map(str),
      language: language(n.language),
      attempts: num(n.attempts),
      lastError: strOrNull(n.lastError),
    };
  });
  const counted = Object.keys(countsRaw).length > 0;
  const counts = Object.fromEntries(
    NOTICE_STATUSES.map((s) => [s, counted ? num(countsRaw[s]) : notices.filter((n) => n.status === s).length]),
  ) as NoticeList["counts"];
  return { counts, notices };
}

export async function remindCampaign(
  id: string,
): Promise<{ organizations: number; mails: number; hosts: number | null; tooRecent: number }> {
  const c = obj(await post<unknown>(path(id, "/remind")));
  const reminders = num(first(c, "reminders", "queued", "mails"));
  return {
    organizations: reminders,
    mails: reminders,
    hosts: numOrNull(c.hosts),
    tooRecent: num(obj(c.skipped).tooRecent),
  };
}

export async function campaignProgress(id: string): Promise<Progress> {
  const o = obj(await get<unknown>(path(id, "/progress")));
  const rate = numOrNull(first(o, "remediationRate", "rate"));
  return {
    days: arr(o, "days", "series", "daily").map((raw) => {
      const d = obj(raw) as Raw;
      return {
        date: str(first(d, "date", "day")).slice(0, 10),
        notified: num(d.notified),
        answered: num(d.answered),
        claimedFixed: num(d.claimedFixed),
        gone: num(d.gone),
        open: num(first(d, "stillOpen", "open")),
      };
    }),
    // A rate may come as 0..1 or as a percentage.
    remediationRate: rate === null ? null : rate > 1 ? rate / 100 : rate,
    medianHoursToAnswer: numOrNull(o.medianHoursToAnswer),
    medianHoursToGone: numOrNull(o.medianHoursToGone),
    organizations: null,
  };
}

/** The latest of two ISO instants (null-safe). */
const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * Per organization, its hosts in this campaign and where they stand, from GET /api/campaigns/:id/hosts
 * (every page, up to `maxHosts`): open = notified or open and still seen; the state is the latest answer,
 * "gone" when every host is gone, "claimed fixed, still seen" when so.
 */
export async function organizationProgress(id: string, maxHosts = 20_000): Promise<OrgProgress[]> {
  const byOrg = new Map<string, OrgProgress & { latest: string | null; stillSeen: boolean }>();
  for (let page = 1; (page - 1) * 500 < maxHosts; page++) {
    const answer = obj(await get<unknown>(path(id, `/hosts?page=${page}&pageSize=500`)));
    const hosts = arr(answer, "hosts", "items").map(obj);
    for (const h of hosts) {
      const org = orgRef(h.organization);
      if (!org) continue;
      const row = byOrg.get(org.id) ?? {
        ...org,
        hosts: 0,
        open: 0,
        gone: 0,
        answered: 0,
        state: "",
        lastAnswerAt: null,
        latest: null,
        stillSeen: false,
      };
      const state = str(h.state);
      row.hosts++;
      if (state === "gone") row.gone++;
      if (state === "open" || state === "notified") row.open++;
      if (h.answer) {
        row.answered++;
        const at = strOrNull(h.answeredAt);
        if (later(row.lastAnswerAt, at) === at) row.latest = str(h.answer);
        row.lastAnswerAt = later(row.lastAnswerAt, at);
      }
      if (h.claimedFixedStillSeen === true) row.stillSeen = true;
      byOrg.set(org.id, row);
    }
    if (hosts.length < 500 || page * 500 >= num(answer.total)) break;
  }
  return [...byOrg.values()]
    .map(({ latest, stillSeen, ...row }) => ({
      ...row,
      state: stillSeen
        ? "claimed fixed, still seen"
        : row.gone === row.hosts
          ? "gone"
          : (latest ?? (row.open > 0 ? "open" : "—")),
    }))
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}
