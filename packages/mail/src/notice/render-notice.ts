import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import { blocksToHtml, blocksToText } from "./render.ts";
import type { NoticeTemplate, NoticeView } from "./view.ts";

const TEMPLATES: Record<NoticeView["language"], NoticeTemplate> = { nl, fr, de, en };

/** How many hosts the body lists; the attachment has them all. */
export const SAMPLE_SIZE = 10;

export type RenderedNotice = { subject: string; text: string; html: string };

export function renderNotice(view: NoticeView): RenderedNotice {
  const template = TEMPLATES[view.language] ?? en;
  const { subject, blocks } = template(view);
  return { subject, text: blocksToText(blocks), html: blocksToHtml(blocks, view.language, subject) };
}
