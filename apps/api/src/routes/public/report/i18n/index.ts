import type { Lang } from "../../../../lib/html.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { FormTexts } from "./types.ts";

export type { FormTexts } from "./types.ts";

export const formTexts: Record<Lang, FormTexts> = { nl, fr, de, en };
