import { AppError, TLP_LEVELS, type ReadOptions } from "@baken/core";
import { z } from "zod";

const metaSchema = z.object({
  source: z.string().trim().max(200).optional(),
  campaignId: z.uuid("not a campaign id (uuid)").optional(),
  tlp: z
    .string()
    .transform((t) => t.trim().toUpperCase().replace(/^TLP:/, "").replace(/[+ ]/g, "_"))
    .pipe(z.enum(TLP_LEVELS, `one of ${TLP_LEVELS.join(", ")}`))
    .optional(),
});

/** What an upload says about the list besides its file: source, campaign, TLP. */
export type ListMeta = z.infer<typeof metaSchema>;

const columnsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'a JSON object of column name to role, e.g. {"src_ip":"ip"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(z.string().max(200), z.string().max(40), 'a JSON object of column name to role, e.g. {"src_ip":"ip"}'),
  );

const readSchema = z.object({ reportType: z.string().trim().max(100).optional(), columns: columnsSchema.optional() });

/** The form fields that change how the file is read: they must come before the file. */
export const READ_FIELDS = ["reportType", "columns"] as const;
export type ReadFields = Omit<ReadOptions, "fileName">;

function checked<T>(schema: z.ZodType<T>, fields: Record<string, string | undefined>): T {
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(present);
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

/** Checks the upload's form fields; a 400 names the field. Empty fields count as absent. */
export const parseListMeta = (fields: Record<string, string | undefined>): ListMeta => checked(metaSchema, fields);

/** Checks the fields that say how to read the file (a Shadowserver report type, column roles). */
export const parseReadFields = (fields: Record<string, string | undefined>): ReadFields =>
  checked(readSchema, { reportType: fields.reportType, columns: fields.columns });
