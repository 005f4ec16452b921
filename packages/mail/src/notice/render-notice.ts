import { NOTICE_TEMPLATES } from "./i18n/index.ts";
import { blocksToHtml, blocksToText } from "./render.ts";
import type { NoticeView } from "./view.ts";

/** How many hosts the body lists; the attachment has them all. */
export const SAMPLE_SIZE = 10;

export type RenderedNotice = { subject: string; text: string; html: string };

export function renderNotice(view: NoticeView): RenderedNotice {
  const template = NOTICE_TEMPLATES[view.language] ?? NOTICE_TEMPLATES.en;
  const { subject, blocks } = template(view);
  return { subject, text: blocksToText(blocks), html: blocksToHtml(blocks, view.language, subject) };
}
