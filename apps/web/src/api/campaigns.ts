// Campaigns (issues 4 and 5): CRUD, preview, send, the notice queue, reminders and progress.
import { call } from "./http.ts";
import {
  LANGUAGES,
  type Campaign,
  type CampaignHost,
  type CampaignInput,
  type Language,
  type NoticeFilter,
  type NoticeList,
  type OrgProgress,
  type Preview,
  type Progress,
  type RsitTaxonomy,
} from "./types.ts";

/** What the API takes: languages with a summary only; no empty optional text. */
function adviceBody(advice: CampaignInput["advice"]): CampaignInput["advice"] {
  const out: CampaignInput["advice"] = {};
  for (const l of LANGUAGES) {
    const a = advice[l];
    if (!a || !a.summary.trim()) continue;
    out[l] = {
      summary: a.summary,
      actions: (a.actions ?? []).filter((x) => x.trim()),
      ...(a.compromiseCheck?.trim() ? { compromiseCheck: a.compromiseCheck } : {}),
      links: (a.links ?? []).filter((x) => x.url.trim()),
    };
  }
  return out;
}

const campaignBody = (input: CampaignInput) => ({ ...input, advice: adviceBody(input.advice) });

export async function listCampaigns(): Promise<Campaign[]> {
  return (await call("get", "/api/campaigns/")).campaigns;
}

/** The RSIT taxonomy (the report form's), class by class, with English names. */
export async function rsitTaxonomy(): Promise<RsitTaxonomy> {
  return (await call("get", "/api/campaigns/rsit")).classes;
}

export const getCampaign = (id: string) => call("get", "/api/campaigns/{id}", { params: { id } });
export const createCampaign = (input: CampaignInput) => call("post", "/api/campaigns/", { body: campaignBody(input) });
export const updateCampaign = (id: string, input: CampaignInput) =>
  call("patch", "/api/campaigns/{id}", { params: { id }, body: campaignBody(input) });

/**
 * What sending now would do. Without an organization: the counts and who would get what, no rendered mail
 * (limit 0 keeps it cheap for a thousand organizations); with one: that organization's notice.
 * `language` asks for the notice in another language than the recipients'.
 */
export const previewCampaign = (
  id: string,
  options: { organizationId?: string; language?: Language } = {},
): Promise<Preview> =>
  call("post", "/api/campaigns/{id}/preview", {
    params: { id },
    body: { ...options, limit: options.organizationId ? 1 : 0 },
  });

export const sendCampaign = (id: string) => call("post", "/api/campaigns/{id}/send", { params: { id } });

/** Queues again the campaign's notices left without a job (a crashed worker, Redis lost); never mails twice. */
export const requeueStuck = (id: string) => call("post", "/api/campaigns/{id}/requeue-stuck", { params: { id } });

/** A page of the campaign's notices (filtered) with the counts by status; `pageSize` 1 for the counts alone. */
export const listNotices = (
  id: string,
  filter: NoticeFilter = {},
  page = 1,
  pageSize = NOTICE_PAGE_SIZE,
): Promise<NoticeList> =>
  call("get", "/api/campaigns/{id}/notices", {
    params: { id },
    query: { ...filter, limit: pageSize, offset: (page - 1) * pageSize },
  });
export const NOTICE_PAGE_SIZE = 50;

export const remindCampaign = (id: string) => call("post", "/api/campaigns/{id}/remind", { params: { id } });

export const campaignProgress = (id: string): Promise<Progress> =>
  call("get", "/api/campaigns/{id}/progress", { params: { id } });

/** The latest of two ISO instants (null-safe). */
const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * Per organization, its hosts in this campaign and where they stand, from GET /api/campaigns/:id/hosts
 * (every page, up to `maxHosts`): open = notified or open and still seen; the state is the latest answer,
 * "gone" when every host is gone, "claimed fixed, still seen" when so.
 */
export async function organizationProgress(id: string, maxHosts = 20_000): Promise<OrgProgress[]> {
  const byOrg = new Map<string, OrgProgress & { latest: string | null; stillSeen: boolean }>();
  const add = (h: CampaignHost) => {
    const org = h.organization;
    if (!org) return;
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
    row.hosts++;
    if (h.state === "gone") row.gone++;
    if (h.state === "open" || h.state === "notified") row.open++;
    if (h.answer) {
      row.answered++;
      if (later(row.lastAnswerAt, h.answeredAt) === h.answeredAt) row.latest = h.answer;
      row.lastAnswerAt = later(row.lastAnswerAt, h.answeredAt);
    }
    if (h.claimedFixedStillSeen) row.stillSeen = true;
    byOrg.set(org.id, row);
  };
  for (let page = 1; (page - 1) * 500 < maxHosts; page++) {
    const answer = await call("get", "/api/campaigns/{id}/hosts", { params: { id }, query: { page, pageSize: 500 } });
    answer.hosts.forEach(add);
    if (answer.hosts.length < 500 || page * 500 >= answer.total) break;
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
