// One notice: its detail (attempts, answers, the mail), and a resend to corrected recipients.
import { call } from "./http.ts";

export const getNotice = (id: string) => call("get", "/api/notices/{id}", { params: { id } });

export const resendNotice = (id: string, recipients: string[]) =>
  call("post", "/api/notices/{id}/resend", { params: { id }, body: { recipients } });

/** What became of a notice once it left: each recipient's outcomes, what came back, its redirect (issue 15). */
export const noticeDelivery = (campaignId: string, noticeId: string) =>
  call("get", "/api/campaigns/{id}/notices/{noticeId}/delivery", { params: { id: campaignId, noticeId } });
