// Campaigns (issues 4 and 5): CRUD, preview, send, the notice queue, reminders and progress.
import { call } from "./http.ts";
import {
  LANGUAGES,
  type Campaign,
  type CampaignInput,
  type Language,
  type NoticeFilter,
  type NoticeList,
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

/** Per organization, where its hosts stand, counted by the database: one page, most still-open hosts first. */
export const organizationProgress = (id: string, query: { page: number; pageSize?: number; sector?: string }) =>
  call("get", "/api/campaigns/{id}/progress/organizations", { params: { id }, query });

export const sectorProgress = async (id: string) =>
  (await call("get", "/api/campaigns/{id}/progress/sectors", { params: { id } })).sectors;
