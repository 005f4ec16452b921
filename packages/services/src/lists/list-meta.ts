import { AppError } from "@baken/core";
import { z } from "zod";

export const TLPS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;

const metaSchema = z.object({
  source: z.string().trim().max(200).optional(),
  campaignId: z.uuid("not a campaign id (uuid)").optional(),
  tlp: z
    .string()
    .transform((t) => t.trim().toUpperCase().replace(/^TLP:/, "").replace(/[+ ]/g, "_"))
    .pipe(z.enum(TLPS, `one of ${TLPS.join(", ")}`))
    .optional(),
});

/** What an upload says about the list besides its file: source, campaign, TLP. */
export type ListMeta = z.infer<typeof metaSchema>;

/** Checks the upload's form fields; a 400 names the field. Empty fields count as absent. */
export function parseListMeta(fields: Record<string, string | undefined>): ListMeta {
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = metaSchema.safeParse(present);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "form"), message: i.message }));
    throw new AppError(
      "validation",
      `Invalid upload: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`,
      details,
    );
  }
  return parsed.data;
}
