import {
  addFallbackContacts,
  addressText,
  AppError,
  intelMqClassification,
  KeySet,
  listReport,
  readExposures,
  ResultMemo,
  type Actor,
  type Classification,
  type FallbackContact,
  type ListReport,
  type Matcher,
  type MatchResult,
  type RowError,
} from "@baken/core";
import {
  campaignExists,
  CandidateSets,
  copyExposures,
  ensureAbuseContactOrganizations,
  ErrorSpool,
  findListBySha256,
  finishList,
  insertPendingList,
  lockOwners,
  matchTail,
  recordAudit,
  SAVE_CANDIDATE_SETS_AT,
  syncCampaignHosts,
  withTransaction,
  type Db,
  type ExposureCopy,
  type SyncCampaignHostsResult,
  type Tx,
} from "@baken/db";
import { createHash } from "node:crypto";
import { classifyFromList } from "../campaigns/classify-from-list.ts";
import type { Ctx } from "../context.ts";
import { getMatcher } from "../registry/load-matcher.ts";
import type { ListMeta, ReadFields } from "./list-meta.ts";

export type IngestInput = {
  file: AsyncIterable<Buffer | Uint8Array>;
  fileName: string;
  /** How to read the file (report type, column roles): known before it streams. */
  read?: ReadFields;
  /**
   * Read after the file: a multipart form may send these fields after the file; a feed decides the campaign
   * from the report the file turned out to be (a function of it).
   */
  meta: ListMeta | Promise<ListMeta> | ((report: ListReport) => ListMeta);
  /** In the list's transaction, once it is stored: a feed records the report it came from. */
  onStored?: (tx: Tx, list: { id: string; sha256: string }) => Promise<void>;
  /** From how many rows the list keeps a table of its own (BIG_LIST_ROWS unless said). */
  bigListRows?: number;
};

export type IngestResult = ListReport & {
  id: string;
  format: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** The first 100 row errors (all are stored with the list). */
  errors: RowError[];
  campaignHosts: SyncCampaignHostsResult | null;
};

const formatName = (format: string, delimiter?: string) =>
  format !== "csv" ? format : delimiter === ";" ? "csv-semicolon" : delimiter === "\t" ? "tsv" : "csv";

/**
 * Stores an uploaded exposure list in one transaction: a failed upload leaves nothing. The list row is
 * created first (its sha256 still a placeholder), then the file streams through (never whole in memory;
 * bounded by config.uploads, 413 past them): each row is validated, folded when its ip|port|hostname was
 * seen before in this list, matched in memory, and COPYed straight into exposure, so each row is written
 * once, already matched, with no per-row query. Bad rows become list errors. Then the sha256 is known: the
 * same file again is a 409 naming the existing list. A list given a campaign updates its hosts too.
 *
 * exposure has no foreign keys (see its migration): lockOwners checks the owners once, before COMMIT.
 *
 * Measured (npm run bench:ingest's former file: 1,000,000 unquoted rows, 107 MB, 70% duplicates; 2 cores;
 * a quoted report of a million distinct hosts: README's Benchmarks): COPY into a staging table and an
 * INSERT ... SELECT folding duplicates wrote every row twice and took 21 s; folding in memory (KeySet)
 * and copying once, ~12 s; reading plain lines in place (PlainCsvRow, ExposureCopy), ~4.3 s, of which
 * PostgreSQL's per-row foreign-key checks were the last 1.5 s; without them, and with a trie that misses
 * the cache less, 2.0-2.2 s (2.5-2.7x PostgreSQL's own \copy of the file). The search indexes on exposure
 * then made PostgreSQL's side 10 s of 10-12 s: a big list's rows now go into a table of their own, indexed
 * in bulk once they are in (copyExposures, packages/db/src/lists/README.md "Storage").
 * Candidate lists are stored once per distinct list (candidate_set).
 */
export async function ingestList(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: IngestInput,
): Promise<IngestResult> {
  const { maxBytes, maxRows } = ctx.config.uploads;
  const hash = createHash("sha256");
  let bytes = 0;
  async function* counted() {
    for await (const chunk of input.file) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new AppError(
          "payload_too_large",
          `The file is larger than the ${maxBytes}-byte upload limit (UPLOAD_MAX_BYTES)`,
        );
      }
      hash.update(chunk);
      yield chunk;
    }
  }

  const matcher = await getMatcher(ctx);
  let errors: ErrorSpool | null = null;
  try {
    const stored = await withTransaction(ctx.db, async (tx) => {
      const id = await insertPendingList(tx, { fileName: input.fileName, uploadedById: actor.id });
      errors = new ErrorSpool(id);
      const sets = new CandidateSets();
      const context = {
        matcher,
        maxRows,
        errors,
        sets,
        setStore: ctx.db,
        read: { ...input.read, fileName: input.fileName },
      };
      let madeContacts: Promise<unknown> = Promise.resolve();
      const staged = await copyExposures(
        tx,
        id,
        async (out) => {
          const copied = await copyRows(out, counted(), context);
          // While PostgreSQL indexes the list's table (seconds for a big list), on the pool: the fallback
          // contacts' organizations (idempotent; the upload's transaction must not hold the registry's
          // version row, which they bump) and the last candidate lists. A refused upload leaves both, as
          // it leaves the candidate lists saved while it streamed: they name contacts, not rows.
          madeContacts = Promise.all([
            ensureAbuseContactOrganizations(ctx.db, [...copied.fallback.values()]),
            sets.save(ctx.db),
          ]);
          madeContacts.catch(() => {});
          return copied;
        },
        { bigListRows: input.bigListRows },
      );
      await madeContacts;
      return store(tx, actor, { id, input, staged, errors, sha256: hash.digest("hex"), bytes });
    });
    if (ctx.config.contactLookup.online) await queueContactLookups(ctx, stored.id);
    return stored;
  } finally {
    await (errors as ErrorSpool | null)?.close();
  }
}

/**
 * The online contact lookups run in the worker, after the upload answered: queued once the list is
 * committed. A Redis outage must not fail an upload that is stored: the list keeps its offline matches.
 */
async function queueContactLookups(ctx: Pick<Ctx, "producer">, listId: string): Promise<void> {
  await ctx.producer.enqueue("lookup-contacts", { listId }).catch(() => undefined);
}

type Staged = Awaited<ReturnType<typeof copyRows>>;

/** After the rows are in: refuses a file seen before or with no usable row, then records the list. */
async function store(
  tx: Tx,
  actor: Actor,
  {
    id,
    input,
    staged,
    errors,
    sha256,
    bytes,
  }: {
    id: string;
    input: IngestInput;
    staged: Staged;
    errors: ErrorSpool;
    sha256: string;
    bytes: number;
  },
): Promise<IngestResult> {
  const report = staged.report;
  const meta = typeof input.meta === "function" ? input.meta(report) : await input.meta;
  const existing = await findListBySha256(tx, sha256);
  if (existing) throw new AppError("conflict", `This file was uploaded before as list ${existing}`, { id: existing });
  if (staged.accepted === 0) {
    throw new AppError("validation", `No usable rows: all ${staged.rows} rows were rejected`, errors.first);
  }
  if (meta.campaignId && !(await campaignExists(tx, meta.campaignId))) {
    throw new AppError("validation", "campaignId: no such campaign", [
      { field: "campaignId", message: "no such campaign" },
    ]);
  }
  await lockOwners(tx, staged.owners);
  await errors.store(tx);
  await finishList(tx, id, {
    sha256,
    format: staged.format,
    sizeBytes: bytes,
    rows: staged.rows,
    accepted: staged.accepted,
    duplicates: staged.duplicates,
    source: meta.source ?? null,
    tlp: meta.tlp ?? "AMBER",
    campaignId: meta.campaignId ?? null,
    report,
  });
  const campaignHosts = meta.campaignId
    ? await syncCampaignHosts(tx, { campaignId: meta.campaignId, listId: id })
    : null;
  if (meta.campaignId) {
    const { reportType, classification } = report;
    await classifyFromList(tx, actor, { campaignId: meta.campaignId, listId: id, reportType, classification });
  }
  await input.onStored?.(tx, { id, sha256 });
  await recordAudit(tx, actor, {
    action: "list.upload",
    subjectType: "exposure_list",
    subjectId: id,
    details: {
      fileName: input.fileName,
      sha256,
      rows: staged.rows,
      accepted: staged.accepted,
      rejected: staged.rows - staged.accepted,
      duplicates: staged.duplicates,
      campaignId: meta.campaignId ?? null,
      reportType: report.reportType,
      source: meta.source ?? null,
    },
  });
  return {
    ...report,
    id,
    format: staged.format,
    rows: staged.rows,
    accepted: staged.accepted,
    rejected: staged.rows - staged.accepted,
    duplicates: staged.duplicates,
    errors: errors.first,
    campaignHosts,
  };
}

type CopyContext = {
  matcher: Matcher;
  maxRows: number;
  errors: ErrorSpool;
  sets: CandidateSets;
  /**
   * Another connection (this one is busy with the COPY) for saving candidate lists as they accumulate.
   * Outside the upload's transaction on purpose: the lists are content-addressed and immutable, so one
   * left behind by a failed upload is merely unused, while holding them all until the end cost ~100 MB
   * of heap for a million-row scan.
   */
  setStore: Db;
  read: ReadFields & { fileName: string };
};

/**
 * Reads, validates, folds, matches and COPYs every row. Rows read in place (nearly all of a scan report)
 * go from the upload's bytes to COPY's without a string per field; the others take the general path.
 * Both fold on the same key (ip|port|hostname) and write the same text.
 */
async function copyRows(
  out: ExposureCopy,
  source: AsyncIterable<Buffer | Uint8Array>,
  { matcher, maxRows, errors, sets, setStore, read }: CopyContext,
) {
  const seen = new KeySet();
  const owners = new Set<string>();
  const fallback = new Map<string, FallbackContact>();
  // By the matcher's shared results: nearly every row is a hit.
  const tails = new ResultMemo<Buffer>();
  const tailOf = (m: MatchResult) => {
    let tail = tails.get(m);
    if (!tail) {
      if (m.organizationId) owners.add(m.organizationId);
      addFallbackContacts(matcher, m, fallback);
      tail = matchTail(m.organizationId, m.reason, sets.digestOf(m));
      tails.set(m, tail);
    }
    return tail;
  };
  let rows = 0;
  let accepted = 0;
  let duplicates = 0;
  const count = () => {
    if (++rows > maxRows)
      throw new AppError("payload_too_large", `The list has more than ${maxRows} rows (UPLOAD_MAX_ROWS)`);
  };
  let intelmq = false;
  let classification: Classification | null = null;
  const detected = await readExposures(
    source,
    {
      layout(l) {
        intelmq = l.kind === "intelmq";
      },
      plain(row) {
        count();
        accepted++;
        if (!row.addKeyTo(seen)) {
          duplicates++;
          return;
        }
        const asn = row.asn >= 0 ? row.asn : null;
        const m =
          row.ip >= 0
            ? matcher.matchV4(row.ip, row.hostname, asn)
            : matcher.match({ ip: null, hostname: row.hostname, asn });
        out.plain(row, tailOf(m));
      },
      row(r) {
        count();
        if (!r.ok) {
          for (const e of r.errors) errors.add(e);
          return;
        }
        accepted++;
        const row = r.row;
        if (intelmq && !classification) classification = intelMqClassification(row);
        if (!seen.addParts(addressText(row) ?? "", row.port === null ? "" : String(row.port), row.hostname ?? "")) {
          duplicates++;
          return;
        }
        out.row(row, tailOf(matcher.match(row)));
      },
      async drain() {
        if (out.full) await out.flush();
        await errors.spill();
        if (sets.pending >= SAVE_CANDIDATE_SETS_AT) await sets.save(setStore);
      },
    },
    read,
  );
  return {
    format: formatName(detected.format, detected.delimiter),
    report: listReport(detected, classification),
    rows,
    accepted,
    duplicates,
    owners,
    fallback,
  };
}
