import type { NoticeView } from "../view.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { NoticeTemplate } from "./types.ts";

export type { NoticeTemplate } from "./types.ts";

export const NOTICE_TEMPLATES: Record<NoticeView["language"], NoticeTemplate> = { nl, fr, de, en };
