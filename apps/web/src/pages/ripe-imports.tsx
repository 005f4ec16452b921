// The RIPE database imports (issue 14): the abuse contacts of hosts no registered organization matches come
// from the active one. Everyone sees the history; admins upload a dump, which the worker imports while this
// page follows it.
import { useState, type FormEvent } from "react";
import { api, type RipeImport, type UploadProgress } from "../api/index.ts";
import { StatusBadge } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { TextField } from "../components/fields.tsx";
import { ProgressBar } from "../components/progress-bar.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { FilesDrop } from "../components/upload-zone.tsx";
import { bytes, date, dateTime, n } from "../lib/format.ts";
import { countryScope, importProgress, isUnderway, objectCounts, rangeReach } from "../lib/ripe-import.ts";
import { useAsync, usePolling } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

const COLUMNS: Column<RipeImport>[] = [
  {
    header: "Import",
    cell: (i) => (
      <>
        #{i.id}
        {i.active && <StatusBadge status="active" label="in use" />}
        <div className="muted">{i.origin === "cli" ? "command line" : "upload"}</div>
      </>
    ),
  },
  {
    header: "Status",
    cell: (i) => (
      <>
        <StatusBadge status={i.status} />
        {i.error && <div className="error-text">{i.error}</div>}
      </>
    ),
  },
  { header: "Dump of", cell: (i) => date(i.dumpDate) },
  { header: "Started", cell: (i) => dateTime(i.startedAt ?? i.createdAt) },
  { header: "Finished", cell: (i) => dateTime(i.finishedAt) },
  { header: "By", cell: (i) => i.createdBy ?? "—" },
  { header: "Objects read", cell: (i) => (i.report ? objectCounts(i.report) : "—") },
  { header: "Ranges", cell: (i) => <RangeCounts imp={i} /> },
  { header: "Malformed", cell: (i) => <Malformed imp={i} /> },
];

export function RipeImportsPage() {
  const isAdmin = useCan("admin");
  const imports = useAsync(() => api.ripe.listRipeImports(), []);
  // What polling an import the history shows under way read since: its row shows that.
  const [polled, setPolled] = useState<ReadonlyMap<number, RipeImport>>(new Map());
  const rows = (imports.data ?? []).map((i) => (isUnderway(i) ? (polled.get(i.id) ?? i) : i));
  const underway = (imports.data ?? []).filter(isUnderway).reverse();
  const seen = (i: RipeImport) => setPolled((m) => new Map(m).set(i.id, i));
  return (
    <>
      <h1>RIPE imports</h1>
      <p className="muted">
        Hosts that no registered organization matches reach the abuse contact of the most specific RIPE range holding
        their address, from the import in use. A new import replaces it only once it has succeeded.
      </p>
      {isAdmin && <UploadDump underway={underway.length > 0} onQueued={() => void imports.reload()} />}
      {underway.map((i) => (
        <Underway key={i.id} initial={i} onPolled={seen} onEnded={() => void imports.reload()} />
      ))}
      <section aria-labelledby="ripe-history-title">
        <h2 id="ripe-history-title">History</h2>
        <AsyncView state={imports} what="the RIPE imports">
          {() =>
            rows.length === 0 ? (
              <Empty>
                No RIPE data loaded: hosts nobody registered reach nobody.
                {isAdmin ? " Upload RIPE's split files above." : " An administrator can import a dump here."}
              </Empty>
            ) : (
              <DataTable rows={rows} columns={COLUMNS} rowKey={(i) => i.id} label="RIPE imports" />
            )
          }
        </AsyncView>
      </section>
    </>
  );
}

/** The import under way, polled every second until it has ended; then the history is loaded again. */
function Underway({
  initial,
  onPolled,
  onEnded,
}: {
  initial: RipeImport;
  onPolled: (i: RipeImport) => void;
  onEnded: () => void;
}) {
  const [current, setCurrent] = useState(initial);
  const following = isUnderway(current);
  usePolling(
    async () => {
      const next = await api.ripe.getRipeImport(current.id);
      setCurrent(next);
      onPolled(next);
      if (!isUnderway(next)) onEnded();
    },
    1000,
    following,
  );
  const progress = importProgress(current);
  return (
    <section aria-labelledby="ripe-underway-title" className="card" data-testid="ripe-underway">
      <h2 id="ripe-underway-title">Import #{current.id}</h2>
      <p>
        <StatusBadge status={current.status} /> {current.files.map((f) => f.name).join(", ")} (
        {bytes(current.files.reduce((s, f) => s + f.bytes, 0))}), {countryScope(current.countries)}
        {current.createdBy && `, by ${current.createdBy}`}
      </p>
      {progress && <ProgressBar label="Import" value={progress.value} max={progress.max} text={progress.text} />}
    </section>
  );
}

function RangeCounts({ imp }: { imp: RipeImport }) {
  if (!imp.report) return <>—</>;
  const r = rangeReach(imp.report);
  return (
    <>
      {n(r.withContact)} with an abuse contact
      {r.inherited > 0 && <span className="muted"> ({n(r.inherited)} from a less specific range)</span>}, {n(r.without)}{" "}
      without
      <div className="muted">
        {n(imp.prefixCount)} prefixes, {n(imp.asnCount)} ASNs stored; {countryScope(imp.countries)}
      </div>
    </>
  );
}

function Malformed({ imp }: { imp: RipeImport }) {
  const malformed = imp.report?.malformed;
  if (!malformed) return <>—</>;
  if (malformed.count === 0) return <>none</>;
  const more = malformed.count - malformed.first.length;
  return (
    <details>
      <summary>{n(malformed.count)} malformed</summary>
      <ul className="details">
        {malformed.first.map((m) => (
          <li key={`${m.file}:${m.line}`}>
            <span className="mono">
              {m.file} line {m.line}
            </span>
            : {m.reason}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="muted">
          and {n(more)} more (the first {malformed.first.length} are listed)
        </p>
      )}
    </details>
  );
}

/** An admin's upload: the files go to the api (a bar for the bytes sent), the worker imports them. */
function UploadDump({ underway, onQueued }: { underway: boolean; onQueued: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [countries, setCountries] = useState("");
  const [sent, setSent] = useState<UploadProgress | null>(null);
  // A new key after each upload empties the file input, which keeps its own choice otherwise.
  const [uploads, setUploads] = useState(0);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSent({ loaded: 0, total: files.reduce((s, f) => s + f.size, 0) });
    try {
      await api.ripe.uploadRipeDump({ files, countries }, setSent).promise;
      setFiles([]);
      setCountries("");
      setUploads((u) => u + 1);
      onQueued();
    } catch (err) {
      setError(err);
    } finally {
      setSent(null);
    }
  }

  const busy = sent !== null;
  return (
    <section aria-labelledby="ripe-upload-title" className="card">
      <h2 id="ripe-upload-title">Import a RIPE dump</h2>
      <form onSubmit={submit}>
        <FilesDrop
          key={uploads}
          id="ripe-files"
          label="Dump files"
          hint={
            <>
              RIPE&apos;s split files from ftp.ripe.net/ripe/dbase/split/ (ripe.db.inetnum, ripe.db.inet6num,
              ripe.db.aut-num, ripe.db.organisation, ripe.db.role), gzipped or not, in any order; optionally
              delegated-ripencc-latest.
            </>
          }
          files={files}
          onFiles={setFiles}
          disabled={busy}
        />
        <TextField
          id="ripe-countries"
          label="Countries"
          hint="optional, e.g. BE,LU: keep only the ranges of these countries (and their ASNs)"
          value={countries}
          onChange={setCountries}
          disabled={busy}
          mono
        />
        {sent && (
          <ProgressBar
            label="Upload"
            value={sent.total ? sent.loaded : null}
            max={sent.total}
            text={sent.total ? `${bytes(sent.loaded)} of ${bytes(sent.total)} sent` : `${bytes(sent.loaded)} sent`}
          />
        )}
        {underway && !busy && (
          <p className="hint">An import is under way: a new one waits for it, then replaces it if it succeeds.</p>
        )}
        <div className="actions">
          <button type="submit" disabled={files.length === 0 || busy}>
            {busy ? "Uploading…" : "Upload and import"}
          </button>
        </div>
      </form>
      <ErrorBox error={error} title="The upload was refused" />
    </section>
  );
}
