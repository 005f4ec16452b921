import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError, TLPS, type ListPreview, type ListSummary, type Tlp } from "../api/index.ts";
import { TlpBadge } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { AsyncView, Empty, ErrorBox } from "../components/status.tsx";
import { UploadPreview } from "../components/upload-preview.tsx";
import { FileDrop, UploadProgressBar, type UploadState } from "../components/upload-zone.tsx";
import { dateTime, n, tlpLabel } from "../lib/format.ts";
import { Link, navigate, useLocation } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";

const COLUMNS: Column<ListSummary>[] = [
  {
    header: "File",
    cell: (l) => (
      <>
        <Link to={`/lists/${l.id}`}>{l.fileName}</Link>
        {l.source && <span className="muted"> · {l.source}</span>}
      </>
    ),
  },
  {
    header: "Campaign",
    cell: (l) => (l.campaign ? <Link to={`/campaigns/${l.campaign.id}`}>{l.campaign.name}</Link> : "—"),
  },
  {
    header: "Report",
    cell: (l) => (l.reportName ? `${l.reportName}${l.severity ? ` · ${l.severity}` : ""}` : (l.format ?? "—")),
  },
  { header: "Accepted", num: true, cell: (l) => n(l.accepted) },
  { header: "Rejected", num: true, cell: (l) => n(l.rejected) },
  { header: "Duplicates", num: true, cell: (l) => n(l.duplicates) },
  { header: "TLP", cell: (l) => <TlpBadge tlp={l.tlp} /> },
  { header: "Uploaded", cell: (l) => dateTime(l.createdAt) },
];

export function ListsPage() {
  const canUpload = useCan("analyst");
  const lists = useAsync(() => api.lists.listLists(), []);
  return (
    <>
      <h1>Exposure lists</h1>
      {canUpload && <UploadForm />}
      <section aria-labelledby="lists-title">
        <h2 id="lists-title">Uploaded lists</h2>
        <AsyncView state={lists} what="the lists">
          {(items) =>
            items.length === 0 ? (
              <Empty>No list uploaded yet.{canUpload && " Drop a scan report or a leaked list above to start."}</Empty>
            ) : (
              <DataTable rows={items} columns={COLUMNS} rowKey={(l) => l.id} />
            )
          }
        </AsyncView>
      </section>
    </>
  );
}

/** The id of the list a 409 (same file uploaded before) points at. */
function existingListId(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const body = (err.body ?? {}) as { id?: unknown; details?: { id?: unknown; listId?: unknown } };
  const id = body.id ?? body.details?.id ?? body.details?.listId;
  return typeof id === "string" ? id : null;
}

function UploadForm() {
  const { search } = useLocation();
  const campaigns = useAsync(() => api.campaigns.listCampaigns(), []);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const [campaignId, setCampaignId] = useState(search.get("campaign") ?? "");
  const [tlp, setTlp] = useState<Tlp>("AMBER");
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<(() => void) | null>(null);
  // The analyst's column roles over what Baken proposes (`ignore`: keep as data), sent with the file.
  const [columns, setColumns] = useState<Record<string, string>>({});
  const preview = usePreview(file, columns);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setState({ phase: "sending", progress: { loaded: 0, total: file.size } });
    const upload = api.lists.uploadList(
      { file, columns, source: source || undefined, campaignId: campaignId || undefined, tlp },
      (progress) =>
        setState(
          progress.total > 0 && progress.loaded >= progress.total
            ? { phase: "processing" }
            : { phase: "sending", progress },
        ),
    );
    abort.current = upload.abort;
    try {
      const result = await upload.promise;
      // The list's page holds the whole summary: counts, first errors, matches, rows to assign.
      navigate(`/lists/${result.id}`);
    } catch (err) {
      setError(err);
    } finally {
      abort.current = null;
      setState({ phase: "idle" });
    }
  }

  const busy = state.phase !== "idle";
  const existing = existingListId(error);
  return (
    <section aria-labelledby="upload-title" className="card">
      <h2 id="upload-title">Upload a list</h2>
      <form onSubmit={submit}>
        <FileDrop
          id="list-file"
          label="List file"
          hint="Drop a file here or choose one: Shadowserver CSV, any CSV/TSV with an ip or hostname column, a plain list (one address or URL a line), JSON or NDJSON."
          accept=".csv,.tsv,.txt,.json,.ndjson,text/csv,text/plain,application/json"
          file={file}
          onFile={(f) => {
            setFile(f);
            setColumns({});
            setError(null);
          }}
          disabled={busy}
        />
        <div className="form-grid">
          <TextField
            id="list-source"
            label="Source"
            value={source}
            onChange={setSource}
            placeholder="e.g. Shadowserver scan_exchange"
            disabled={busy}
          />
          <SelectField
            id="list-campaign"
            label="Campaign"
            value={campaignId}
            empty="No campaign (yet)"
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={setCampaignId}
            disabled={busy}
          />
          <SelectField
            id="list-tlp"
            label="TLP"
            value={tlp}
            options={TLPS.map((t) => ({ value: t, label: tlpLabel(t) }))}
            onChange={setTlp}
            disabled={busy}
          />
        </div>
        {preview.error !== null && <ErrorBox error={preview.error} title="This file cannot be read" />}
        {preview.data && (
          <UploadPreview
            preview={preview.data}
            disabled={busy || preview.loading}
            onRole={(column, role) => setColumns((c) => ({ ...c, [column]: role }))}
          />
        )}
        <UploadProgressBar state={state} />
        <div className="actions">
          <button type="submit" disabled={!file || busy || !!preview.data?.problem || preview.error !== null}>
            {busy ? "Uploading…" : "Upload"}
          </button>
          {state.phase === "sending" && (
            <button type="button" className="secondary" onClick={() => abort.current?.()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {error !== null && (
        <>
          <ErrorBox error={error} title={existing ? "Already uploaded" : "The upload was refused"} />
          {existing && (
            <p>
              <Link to={`/lists/${existing}`}>Open the list uploaded before</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** How the API would read `file` with these column roles: asked again whenever either changes. */
function usePreview(file: File | null, columns: Record<string, string>) {
  const [state, setState] = useState<{ data: ListPreview | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: false,
  });
  const key = JSON.stringify(columns);
  useEffect(() => {
    if (!file) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api.lists.previewList({ file, columns: JSON.parse(key) as Record<string, string> }).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [file, key]);
  return state;
}
