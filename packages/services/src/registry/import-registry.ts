import { AppError, readRegistryFile, type ErrorDetail, type OrganizationRecord } from "@baken/core";
import { recordAudit, upsertOrganizations, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type RegistryImportResult = {
  format: "ndjson" | "csv";
  created: number;
  updated: number;
  rejected: number;
  rejections: { line: number; errors: ErrorDetail[] }[];
};

/**
 * Imports organizations (NDJSON or CSV, see @baken/core's README), upserting by name in one transaction
 * (upsertOrganizations: an updated organization's contacts and identifiers become exactly the record's).
 * Bad lines are rejected with their reasons; the others are imported.
 */
export async function importRegistry(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { text: string },
): Promise<RegistryImportResult> {
  const { format, entries } = readRegistryFile(input.text);
  const rejections: RegistryImportResult["rejections"] = [];
  const firstLine = new Map<string, number>();
  const records: OrganizationRecord[] = [];
  for (const e of entries) {
    if (!e.ok) {
      rejections.push({ line: e.line, errors: e.errors });
      continue;
    }
    const earlier = firstLine.get(e.record.name);
    if (earlier !== undefined) {
      rejections.push({
        line: e.line,
        errors: [
          {
            line: e.line,
            field: "name",
            message: `duplicate of line ${earlier}`,
          },
        ],
      });
      continue;
    }
    firstLine.set(e.record.name, e.line);
    records.push(e.record);
  }
  if (records.length === 0) {
    throw new AppError(
      "validation",
      entries.length === 0 ? "The file holds no organizations" : "No organization in the file could be imported",
      rejections.flatMap((r) => r.errors).slice(0, 100),
    );
  }

  return withTransaction(ctx.db, async (tx) => {
    const { created, updated } = await upsertOrganizations(tx, records);
    await recordAudit(tx, actor, {
      action: "registry.import",
      subjectType: "organization",
      details: { format, created, updated, rejected: rejections.length },
    });
    return { format, created, updated, rejected: rejections.length, rejections };
  });
}
