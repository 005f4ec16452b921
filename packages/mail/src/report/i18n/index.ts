import type { ReportLanguage } from "@baken/core";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { ReportMailTexts } from "./types.ts";

export const reportMailTexts: Record<ReportLanguage, ReportMailTexts> = { nl, fr, de, en };
