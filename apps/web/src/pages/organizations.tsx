import { useEffect, useState, type FormEvent } from "react";
import { api, type ImportResult } from "../api/index.ts";
import { AsyncView, DetailList, Empty, ErrorBox } from "../components/status.tsx";
import { FileDrop, UploadProgressBar, type UploadState } from "../components/upload-zone.tsx";
import { n } from "../lib/format.ts";
import { Link, useLocation } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { useCan } from "../session.tsx";
import { Pager } from "../components/pager.tsx";

export function OrganizationsPage() {
  const { search } = useLocation();
  const canEdit = useCan("analyst");
  const canImport = useCan("admin");
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
      <div className="page-head">
        <h1>Organizations</h1>
        {canEdit && (
          <Link to="/organizations/new" className="button">
            New organization
          </Link>
        )}
      </div>
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
                : "The registry is empty. An admin can import it below."}
            </Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Sector</th>
                      <th scope="col">Country</th>
                      <th scope="col">Language</th>
                      <th scope="col" className="num">
                        Contacts
                      </th>
                      <th scope="col" className="num">
                        Networks
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((o) => (
                      <tr key={o.id}>
                        <td>
                          <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                          {!o.active && <span className="badge">inactive</span>}
                        </td>
                        <td>{o.sector ?? "—"}</td>
                        <td>{o.country ?? "—"}</td>
                        <td>{o.language}</td>
                        <td className="num">{n(o.contactCount)}</td>
                        <td className="num">{n(o.networkCount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={p} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
      {canImport && <ImportForm onImported={() => void orgs.reload()} />}
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
