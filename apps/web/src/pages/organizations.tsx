import { useEffect, useState, type FormEvent } from "react";
import { api, type ImportResult, type OrgSummary } from "../api/index.ts";
import { OrgLink } from "../components/badges.tsx";
import { DataTable, type Column } from "../components/data-table.tsx";
import { PageHead } from "../components/layout.tsx";
import { AsyncView, DetailList, Empty, ErrorBox } from "../components/status.tsx";
import { FileDrop, UploadProgressBar, type UploadState } from "../components/upload-zone.tsx";
import { n } from "../lib/format.ts";
import { Link, useLocation } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";
import { Pager } from "../components/pager.tsx";

const COLUMNS: Column<OrgSummary>[] = [
  {
    header: "Name",
    cell: (o) => (
      <>
        <OrgLink org={o} />
        {!o.active && <span className="badge">inactive</span>}
      </>
    ),
  },
  { header: "Sector", cell: (o) => o.sector ?? "—" },
  { header: "Country", cell: (o) => o.country ?? "—" },
  { header: "Language", cell: (o) => o.language },
  { header: "Contacts", num: true, cell: (o) => n(o.counts.contacts) },
  { header: "Networks", num: true, cell: (o) => n(o.counts.networks) },
];

export function OrganizationsPage() {
  const { search } = useLocation();
  // The registry is changed by admins only (the API answers others 403).
  const canEdit = useCan("admin");
  const [q, setQ] = useState(search.get("q") ?? "");
  const [applied, setApplied] = useState(q);
  const [page, setPage] = useState(1);
  const orgs = useAsync(() => api.organizations.searchOrganizations(applied, page), [applied, page]);

  // Search as one types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setApplied(q.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <>
      <PageHead title="Organizations">
        {canEdit && (
          <Link to="/organizations/new" className="button">
            New organization
          </Link>
        )}
      </PageHead>
      <form role="search" onSubmit={(e) => (e.preventDefault(), setApplied(q.trim()))}>
        <label htmlFor="org-search">Search by name</label>
        <input id="org-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      <AsyncView state={orgs} what="organizations">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>
              {applied
                ? `No organization matches “${applied}”.`
                : `The registry is empty. ${canEdit ? "Import it below." : "An admin can import it."}`}
            </Empty>
          ) : (
            <>
              <DataTable rows={p.items} columns={COLUMNS} rowKey={(o) => o.id} />
              <Pager page={p} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
      {canEdit && <ImportForm onImported={() => void orgs.reload()} />}
    </>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setState({ phase: "sending", progress: { loaded: 0, total: file.size } });
    try {
      const answer = await api.organizations.importOrganizations(file, (progress) =>
        setState(
          progress.total > 0 && progress.loaded >= progress.total
            ? { phase: "processing" }
            : { phase: "sending", progress },
        ),
      ).promise;
      setResult(answer);
      setFile(null);
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setState({ phase: "idle" });
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import the registry</h2>
      <form onSubmit={submit}>
        <FileDrop
          id="registry-file"
          label="Registry file"
          hint="NDJSON (one organization a line: name, sector, country, language, contacts, cidrs, asns, domains) or CSV with the same columns, lists separated by ;. Organizations are matched by name: existing ones are updated."
          accept=".ndjson,.jsonl,.json,.csv,application/json,text/csv"
          file={file}
          onFile={setFile}
          disabled={state.phase !== "idle"}
        />
        <UploadProgressBar state={state} />
        <div className="actions">
          <button type="submit" disabled={!file || state.phase !== "idle"}>
            Import
          </button>
        </div>
      </form>
      <ErrorBox error={error} title="The import was refused" />
      {result && (
        <div role="status" className="upload-summary">
          <p>
            Created <strong>{n(result.created)}</strong>, updated <strong>{n(result.updated)}</strong>, rejected{" "}
            <strong>{n(result.rejected)}</strong>.
          </p>
          <DetailList details={result.errors} />
        </div>
      )}
    </section>
  );
}
