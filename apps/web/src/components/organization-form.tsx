import { useState } from "react";
import { CONTACT_ROLES, LANGUAGES, type OrgInput } from "../api/index.ts";
import { CheckField, SelectField, TextField } from "./fields.tsx";
import { EditForm } from "./edit-form.tsx";

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

  const setContact = (i: number, patch: Partial<ContactDraft>) =>
    setOrg((o) => ({ ...o, contacts: o.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  async function save() {
    await props.onSubmit({
      ...org,
      name: org.name.trim(),
      fallbackEmail: org.fallbackEmail?.trim() || null,
      contacts: org.contacts.filter((c) => c.email.trim()),
      cidrs: lines(cidrs),
      // An ASN typed as "AS64512" is still the number 64512.
      asns: lines(asns).map((a) => Number(a.replace(/^AS/i, ""))),
      domains: lines(domains).map((d) => d.toLowerCase()),
    });
  }

  return (
    <EditForm submitLabel={props.submitLabel} onSave={save} onCancel={props.onCancel}>
      <div className="form-grid">
        <TextField
          id="org-name"
          label="Name"
          className="wide"
          required
          value={org.name}
          onChange={(name) => setOrg({ ...org, name })}
        />
        <TextField
          id="org-sector"
          label="Sector"
          value={org.sector ?? ""}
          onChange={(v) => setOrg({ ...org, sector: v || null })}
        />
        <TextField
          id="org-country"
          label="Country (2 letters)"
          maxLength={2}
          value={org.country ?? ""}
          onChange={(v) => setOrg({ ...org, country: v.toUpperCase() || null })}
        />
        <SelectField
          id="org-language"
          label="Language of notices"
          value={org.language}
          options={LANGUAGES}
          onChange={(language) => setOrg({ ...org, language })}
        />
        <CheckField label="Active" checked={org.active} onChange={(active) => setOrg({ ...org, active })} />
        <TextField
          id="org-fallback-email"
          label="Fallback contact"
          hint="where a notice that reached none of the contacts is re-sent once"
          type="email"
          className="wide"
          value={org.fallbackEmail ?? ""}
          onChange={(v) => setOrg({ ...org, fallbackEmail: v || null })}
        />
      </div>

      <fieldset>
        <legend>Contacts</legend>
        {org.contacts.length === 0 && (
          <p className="muted">No contact: notices to this organization will be reported as “no contact”.</p>
        )}
        {org.contacts.map((c, i) => (
          <div className="contact-row" key={i}>
            <TextField
              id={`contact-${i}-email`}
              label="E-mail"
              type="email"
              value={c.email}
              onChange={(email) => setContact(i, { email })}
            />
            <TextField
              id={`contact-${i}-name`}
              label="Name"
              value={c.name}
              onChange={(name) => setContact(i, { name })}
            />
            <SelectField
              id={`contact-${i}-role`}
              label="Role"
              value={c.role}
              options={CONTACT_ROLES}
              onChange={(role) => setContact(i, { role })}
            />
            <SelectField
              id={`contact-${i}-language`}
              label="Language"
              value={c.language ?? ""}
              options={LANGUAGES}
              empty="organization’s"
              onChange={(l) => setContact(i, { language: l || null })}
            />
            <CheckField label="Active" checked={c.active} onChange={(active) => setContact(i, { active })} />
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
        <TextField
          id="org-cidrs"
          label="Networks"
          hint="one CIDR a line, IPv4 or IPv6"
          mono
          rows={5}
          value={cidrs}
          onChange={setCidrs}
        />
        <TextField id="org-asns" label="ASNs" hint="one a line" mono rows={5} value={asns} onChange={setAsns} />
        <TextField
          id="org-domains"
          label="Domains"
          hint="registered domains, one a line"
          mono
          rows={5}
          value={domains}
          onChange={setDomains}
        />
      </div>
    </EditForm>
  );
}
