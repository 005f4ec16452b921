import type { Lang } from "../../../../lib/html.ts";

// Links and phone numbers as the report's pages write them.

export const reportLangHref = (lang: Lang, ref?: string) =>
  `/report?lang=${lang}${ref ? `&ref=${encodeURIComponent(ref)}` : ""}`;

export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, "")}`;

/** A phone number inside a sentence, kept on one line. */
export const unbroken = (text: string) => text.replace(/ /g, "\u00a0");
