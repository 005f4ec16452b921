import type { Block, NoticeView } from "../view.ts";

/** A notice in one language: its subject and blocks, written from the view (one file per language). */
export type NoticeTemplate = (view: NoticeView) => { subject: string; blocks: Block[] };
