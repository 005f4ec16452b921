import {
  addressText,
  AppError,
  listReport,
  narrowByIpVersion,
  plainRowResult,
  rawJson,
  readExposures,
  type ExposureRow,
  type LayoutKind,
  type ListReport,
  type ReadLayout,
  type Role,
  type RoleSource,
  type RowError,
} from "@baken/core";
import { organizationNames, type ExposureView } from "@baken/db";
import type { Ctx } from "../context.ts";
import { getMatcher } from "../registry/load-matcher.ts";
import type { ReadFields } from "./list-meta.ts";

export const PREVIEW_ROWS = 20;
const PREVIEW_ERRORS = 20;
/** Enough of a file to show its first rows; the rest is not read. */
const PREVIEW_BYTES = 1024 * 1024;

/**
 * A row as it would be stored (an exposure without its id and candidates), `organization` being whom it would
 * be routed to with the registry as it is; `network` says the address is a network (address/bits).
 */
export type PreviewRow = Omit<ExposureView, "id" | "candidates"> & { network: boolean };

export type ListPreview = ListReport & {
  format: string | null;
  delimiter: string | null;
  kind: LayoutKind | null;
  /** Report types sharing the header, when the rows read did not settle which. */
  reportTypeCandidates: string[];
  columns: { name: string; role: Role | null; by: RoleSource | null }[];
  rows: PreviewRow[];
  errors: RowError[];
  /** Why the file would be refused as it is (an ambiguous header...), with the details to fix it. */
  problem: { message: string; details: unknown } | null;
  /** True when only the beginning of the file was read. */
  partial: boolean;
};

class Enough extends Error {}

/** The report type of a layout whose header several types share, from the first rows' IP version. */
function settle(layout: ReadLayout | null, rows: ExposureRow[]): ReadLayout | null {
  if (!layout || layout.reportTypeCandidates.length <= 1) return layout;
  const first = rows.find((r) => r.ip ?? r.network);
  const version = (first?.ip ?? first?.network)?.version;
  const left = version ? narrowByIpVersion(layout.reportTypeCandidates, version) : [];
  return left.length === 1 ? { ...layout, reportType: left[0]! } : { ...layout, reportType: null };
}

const previewRow = (row: ExposureRow): Omit<PreviewRow, "organization" | "matchReason"> => {
  const raw = rawJson(row);
  return {
    line: row.line,
    ip: addressText(row),
    network: row.network !== null,
    hostname: row.hostname,
    port: row.port,
    protocol: row.protocol,
    asn: row.asn,
    seenAt: row.seenAt,
    tag: row.tag,
    version: row.version,
    severity: row.severity,
    raw: raw === null ? null : (JSON.parse(raw) as Record<string, string>),
  };
};

/**
 * Reads the beginning of an upload as `ingestList` would and stores nothing (no list, no exposure, no
 * audit event): the format, the report type, the columns' roles, the first rows as they would be stored and
 * whom they would be routed to, the first errors, and the reason it would be refused, if any. The console
 * shows it before the analyst stores the list, and sends back the roles the analyst corrected.
 */
export async function previewList(
  ctx: Pick<Ctx, "db">,
  input: { file: AsyncIterable<Buffer | Uint8Array>; fileName: string; read?: ReadFields },
): Promise<ListPreview> {
  const matcher = await getMatcher(ctx);
  const seen: { layout: ReadLayout | null } = { layout: null };
  const rows: ExposureRow[] = [];
  const errors: RowError[] = [];
  let bytes = 0;
  let partial = false;
  async function* head() {
    for await (const chunk of input.file) {
      yield chunk;
      bytes += chunk.length;
      if (bytes >= PREVIEW_BYTES) {
        partial = true;
        return;
      }
    }
  }
  let problem: AppError | null = null;
  let result: Awaited<ReturnType<typeof readExposures>> | null = null;
  try {
    result = await readExposures(
      head(),
      {
        layout: (l) => (seen.layout = l),
        plain: (row) => {
          if (rows.length < PREVIEW_ROWS) rows.push(plainRowResult(row).row);
        },
        row: (r) => {
          if (r.ok && rows.length < PREVIEW_ROWS) rows.push(r.row);
          else if (!r.ok && errors.length < PREVIEW_ERRORS)
            errors.push(...r.errors.slice(0, PREVIEW_ERRORS - errors.length));
        },
        drain: async () => {
          if (rows.length >= PREVIEW_ROWS) throw new Enough();
        },
      },
      { ...input.read, fileName: input.fileName },
    );
  } catch (err) {
    if (err instanceof Enough) partial = true;
    else if (err instanceof AppError && seen.layout) problem = err;
    else throw err;
  }
  const read = result ?? settle(seen.layout, rows);
  const matched = rows.map((r) => matcher.match(r));
  const names = await organizationNames(
    ctx.db,
    matched.flatMap((m) => (m.organizationId ? [m.organizationId] : [])),
  );
  return {
    ...(read ? listReport(read) : { reportType: null, reportName: null, severity: null, classification: null }),
    format: read?.format ?? null,
    delimiter: read?.delimiter ?? null,
    kind: read?.kind ?? null,
    reportTypeCandidates: (read?.reportTypeCandidates ?? []).map((t) => t.type),
    columns: read?.columns ?? [],
    rows: rows.map((r, i) => {
      const m = matched[i]!;
      return {
        ...previewRow(r),
        organization: m.organizationId ? { id: m.organizationId, name: names.get(m.organizationId) ?? "" } : null,
        matchReason: m.reason,
      };
    }),
    errors,
    problem: problem ? { message: problem.message, details: problem.details ?? null } : null,
    partial,
  };
}
