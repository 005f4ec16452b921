/** The languages Baken writes in (notices, the report form, the owner's page), as the database enum spells them. */
export const LANGUAGES = ["nl", "fr", "de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
