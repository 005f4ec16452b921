import type { Lang } from "../../../../lib/html.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { OwnerTexts } from "./types.ts";

export type { OwnerTexts, Tlp } from "./types.ts";

export const OWNER_TEXTS: Record<Lang, OwnerTexts> = { nl, fr, de, en };
