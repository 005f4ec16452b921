import { useEffect, useState } from "react";
import { api, LANGUAGES, type Language, type OrgRef, type OrgSummary } from "../api/index.ts";
import { ErrorBox } from "./status.tsx";

export type NewOrganization = { name: string; language: Language; country: string; contactEmail: string };
export type PickedOrganization = { existing: OrgRef } | { create: NewOrganization } | null;

/**
 * Choose an existing organization (search by name) or, with `allowCreate` (admins: it changes the
 * registry), describe a new one to create on the spot.
 * Search results are a radio group: plain, keyboard-friendly, announced by screen readers.
 */
export function OrgPicker({
  idPrefix,
  allowCreate,
  onChange,
}: {
  idPrefix: string;
  allowCreate: boolean;
  onChange: (picked: PickedOrganization) => void;
}) {
  const [mode, setMode] = useState<"existing" | "create">("existing");
  const [q, setQ] = useState("");
  const [results, setResults] = useState<OrgSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<OrgRef | null>(null);
  const [draft, setDraft] = useState<NewOrganization>({ name: "", language: "nl", country: "BE", contactEmail: "" });

  useEffect(() => {
    if (mode !== "existing" || q.trim().length < 2) {
      setResults([]);
      return;
    }
    let current = true;
    // Typing fast sends one search, not one per key.
    const timer = setTimeout(() => {
      api.organizations.searchOrganizations(q.trim()).then(
        (page) => current && (setResults(page.items.slice(0, 10)), setError(null)),
        (err) => current && setError(err),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, mode]);

  useEffect(() => {
    if (mode === "existing") onChange(chosen ? { existing: chosen } : null);
    else onChange(draft.name.trim() ? { create: draft } : null);
  }, [mode, chosen, draft, onChange]);

  const id = (s: string) => `${idPrefix}-${s}`;
  return (
    <fieldset className="org-picker">
      <legend>Organization</legend>
      {allowCreate && (
        <div className="segmented" role="radiogroup" aria-label="Existing or new organization">
          <label className="choice">
            <input type="radio" name={id("mode")} checked={mode === "existing"} onChange={() => setMode("existing")} />{" "}
            An existing organization
          </label>
          <label className="choice">
            <input type="radio" name={id("mode")} checked={mode === "create"} onChange={() => setMode("create")} /> A
            new organization
          </label>
        </div>
      )}
      {mode === "existing" ? (
        <>
          <label htmlFor={id("search")}>Search by name</label>
          <input
            id={id("search")}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="at least 2 letters"
            autoComplete="off"
          />
          <ErrorBox error={error} title="Search failed" />
          {chosen && (
            <p>
              Chosen: <strong>{chosen.name}</strong>
            </p>
          )}
          {results.length > 0 && (
            <div role="radiogroup" aria-label="Matching organizations" className="results">
              {results.map((o) => (
                <label className="choice" key={o.id}>
                  <input
                    type="radio"
                    name={id("org")}
                    checked={chosen?.id === o.id}
                    onChange={() => setChosen({ id: o.id, name: o.name })}
                  />
                  {o.name}{" "}
                  <span className="muted">{[o.sector, o.country, o.language].filter(Boolean).join(" · ")}</span>
                </label>
              ))}
            </div>
          )}
          {q.trim().length >= 2 && results.length === 0 && !error && (
            <p className="muted">No organization found yet.</p>
          )}
        </>
      ) : (
        <div className="form-grid">
          <div>
            <label htmlFor={id("name")}>Name</label>
            <input
              id={id("name")}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor={id("language")}>Language</label>
            <select
              id={id("language")}
              value={draft.language}
              onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={id("country")}>Country</label>
            <input
              id={id("country")}
              value={draft.country}
              maxLength={2}
              onChange={(e) => setDraft({ ...draft, country: e.target.value.toUpperCase() })}
            />
          </div>
          <div>
            <label htmlFor={id("email")}>Abuse contact e-mail</label>
            <input
              id={id("email")}
              type="email"
              value={draft.contactEmail}
              onChange={(e) => setDraft({ ...draft, contactEmail: e.target.value })}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** Creates the organization when asked to; answers its id. */
export async function resolvePicked(picked: Exclude<PickedOrganization, null>): Promise<OrgRef> {
  if ("existing" in picked) return picked.existing;
  const { name, language, country, contactEmail } = picked.create;
  const created = await api.organizations.createOrganization({
    name: name.trim(),
    sector: null,
    country: country || null,
    language,
    active: true,
    fallbackEmail: null,
    contacts: contactEmail
      ? [{ email: contactEmail, name: "", role: "abuse", language: null, pgpPublicKey: null, active: true }]
      : [],
    cidrs: [],
    asns: [],
    domains: [],
  });
  return { id: created.id, name: name.trim() };
}
