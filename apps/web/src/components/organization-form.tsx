import { useState, type FormEvent } from "react";
import { CONTACT_ROLES, LANGUAGES, type ContactRole, type Language, type OrgInput } from "../api/index.ts";
import { ErrorBox } from "./status.tsx";

type ContactDraft = OrgInput["contacts"][number];
const blankContact = (): ContactDraft => ({
  email: "",
  name: "",
  role: "abuse",
  language: null,
  pgpPublicKey: null,
  active: true,
});

const lines = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Create or edit one organization: its fields, contacts, networks, ASNs and domains. */
export function OrganizationForm(props: {
  initial: OrgInput;
  submitLabel: string;
  onSubmit: (input: OrgInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [org, setOrg] = useState(props.initial);
  const [cidrs, setCidrs] = useState(props.initial.cidrs.join("\n"));
  const [asns, setAsns] = useState(props.initial.asns.join("\n"));
  const [domains, setDomains] = useState(props.initial.domains.join("\n"));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const setContact = (i: number, patch: Partial<ContactDraft>) =>
    setOrg((o) => ({ ...o, contacts: o.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        ...org,
        name: org.name.trim(),
        contacts: org.contacts.filter((c) => c.email.trim()),
        cidrs: lines(cidrs),
        // An ASN typed as "AS64512" is still the number 64512.
        asns: lines(asns).map((a) => Number(a.replace(/^AS/i, ""))),
        domains: lines(domains).map((d) => d.toLowerCase()),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card">
      <ErrorBox error={error} title="Not saved" />
      <div className="form-grid">
        <div className="wide">
          <label htmlFor="org-name">Name</label>
          <input id="org-name" required value={org.name} onChange={(e) => setOrg({ ...org, name: e.target.value })} />
        </div>
        <div>
          <label htmlFor="org-sector">Sector</label>
          <input
            id="org-sector"
            value={org.sector ?? ""}
            onChange={(e) => setOrg({ ...org, sector: e.target.value || null })}
          />
        </div>
        <div>
          <label htmlFor="org-country">Country (2 letters)</label>
          <input
            id="org-country"
            maxLength={2}
            value={org.country ?? ""}
            onChange={(e) => setOrg({ ...org, country: e.target.value.toUpperCase() || null })}
          />
        </div>
        <div>
          <label htmlFor="org-language">Language of notices</label>
          <select
            id="org-language"
            value={org.language}
            onChange={(e) => setOrg({ ...org, language: e.target.value as Language })}
          >
            {LANGUAGES.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </div>
        <div>
          <label className="choice">
            <input
              type="checkbox"
              checked={org.active}
              onChange={(e) => setOrg({ ...org, active: e.target.checked })}
            />{" "}
            Active
          </label>
        </div>
      </div>

      <fieldset>
        <legend>Contacts</legend>
        {org.contacts.length === 0 && (
          <p className="muted">No contact: notices to this organization will be reported as “no contact”.</p>
        )}
        {org.contacts.map((c, i) => (
          <div className="contact-row" key={i}>
            <div>
              <label htmlFor={`contact-${i}-email`}>E-mail</label>
              <input
                id={`contact-${i}-email`}
                type="email"
                value={c.email}
                onChange={(e) => setContact(i, { email: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor={`contact-${i}-name`}>Name</label>
              <input
                id={`contact-${i}-name`}
                value={c.name}
                onChange={(e) => setContact(i, { name: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor={`contact-${i}-role`}>Role</label>
              <select
                id={`contact-${i}-role`}
                value={c.role}
                onChange={(e) => setContact(i, { role: e.target.value as ContactRole })}
              >
                {CONTACT_ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`contact-${i}-language`}>Language</label>
              <select
                id={`contact-${i}-language`}
                value={c.language ?? ""}
                onChange={(e) => setContact(i, { language: (e.target.value || null) as Language | null })}
              >
                <option value="">organization’s</option>
                {LANGUAGES.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </div>
            <div>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={c.active}
                  onChange={(e) => setContact(i, { active: e.target.checked })}
                />{" "}
                Active
              </label>
            </div>
            <div>
              <button
                type="button"
                className="link-button"
                onClick={() => setOrg((o) => ({ ...o, contacts: o.contacts.filter((_, j) => j !== i) }))}
                aria-label={`Remove contact ${c.email || i + 1}`}
              >
                Remove
              </button>
            </div>
            <div className="wide">
              <label htmlFor={`contact-${i}-pgp`}>
                OpenPGP public key (optional: notices to this contact are then encrypted)
              </label>
              <textarea
                id={`contact-${i}-pgp`}
                className="mono"
                rows={2}
                value={c.pgpPublicKey ?? ""}
                onChange={(e) => setContact(i, { pgpPublicKey: e.target.value || null })}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setOrg((o) => ({ ...o, contacts: [...o.contacts, blankContact()] }))}
        >
          Add a contact
        </button>
      </fieldset>

      <div className="form-grid">
        <div>
          <label htmlFor="org-cidrs">
            Networks <span className="hint">one CIDR a line, IPv4 or IPv6</span>
          </label>
          <textarea id="org-cidrs" className="mono" rows={5} value={cidrs} onChange={(e) => setCidrs(e.target.value)} />
        </div>
        <div>
          <label htmlFor="org-asns">
            ASNs <span className="hint">one a line</span>
          </label>
          <textarea id="org-asns" className="mono" rows={5} value={asns} onChange={(e) => setAsns(e.target.value)} />
        </div>
        <div>
          <label htmlFor="org-domains">
            Domains <span className="hint">registered domains, one a line</span>
          </label>
          <textarea
            id="org-domains"
            className="mono"
            rows={5}
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
          />
        </div>
      </div>
      <div className="actions">
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
