// The organization registry (issue 3): search, view, create, edit, import; an organization's past notices.
// Scalars change with PATCH; contacts, networks, ASNs and domains are sub-resources, so saving the console's
// one form becomes the few calls that turn the stored organization into the edited one.
import { call, upload, type ErrorDetail, type UploadProgress } from "./http.ts";
import type { Answer, Body } from "./operations.ts";
import type { ContactToFix, ImportResult, OrgDetail, OrgInput, OrgSummary, Page, PastNotice } from "./types.ts";

export async function searchOrganizations(search: string, page = 1): Promise<Page<OrgSummary>> {
  const answer = await call("get", "/api/organizations/", { query: { search: search || undefined, page } });
  return { ...answer, items: answer.organizations };
}

export const getOrganization = (id: string): Promise<OrgDetail> =>
  call("get", "/api/organizations/{id}", { params: { id } });

const contactBody = ({ email, name, role, language, pgpPublicKey, active }: OrgInput["contacts"][number]) => ({
  email,
  name,
  role,
  language,
  pgpPublicKey,
  active,
});

export async function createOrganization(input: OrgInput): Promise<{ id: string }> {
  // Creation takes the import's record shape in one call; a contact's key and active flag follow, if any.
  const created = await call("post", "/api/organizations/", {
    body: {
      name: input.name,
      sector: input.sector,
      country: input.country,
      language: input.language,
      contacts: input.contacts.map((c) => ({ email: c.email, name: c.name, role: c.role, language: c.language })),
      cidrs: input.cidrs,
      asns: input.asns,
      domains: input.domains,
      fallbackEmail: input.fallbackEmail,
    },
  });
  const id = created.id;
  for (const c of input.contacts) {
    const stored = created.contacts.find((s) => s.email === c.email.trim().toLowerCase() || s.email === c.email);
    if (stored && (c.pgpPublicKey || !c.active)) {
      await call("patch", "/api/organizations/{id}/contacts/{contactId}", {
        params: { id, contactId: stored.id },
        body: contactBody(c),
      });
    }
  }
  if (!input.active) await call("patch", "/api/organizations/{id}", { params: { id }, body: { active: false } });
  return { id };
}

/** Saves the edited organization: the scalars, then each contact and identifier that was added, changed or removed. */
export async function updateOrganization(before: OrgDetail, after: OrgInput): Promise<void> {
  const id = before.id;
  const scalars = {
    name: after.name,
    sector: after.sector,
    country: after.country,
    language: after.language,
    active: after.active,
    fallbackEmail: after.fallbackEmail,
  };
  const stored = { ...before, fallbackEmail: before.delivery.fallbackEmail };
  if (Object.entries(scalars).some(([k, v]) => stored[k as keyof typeof scalars] !== v)) {
    await call("patch", "/api/organizations/{id}", { params: { id }, body: scalars });
  }

  const kept = new Set<string>();
  for (const c of after.contacts) {
    const stored = before.contacts.find((s) => s.email.toLowerCase() === c.email.trim().toLowerCase());
    if (!stored) {
      await call("post", "/api/organizations/{id}/contacts", { params: { id }, body: contactBody(c) });
      continue;
    }
    kept.add(stored.id);
    const changed =
      stored.name !== c.name ||
      stored.role !== c.role ||
      stored.language !== c.language ||
      stored.pgpPublicKey !== c.pgpPublicKey ||
      stored.active !== c.active;
    if (changed) {
      await call("patch", "/api/organizations/{id}/contacts/{contactId}", {
        params: { id, contactId: stored.id },
        body: contactBody(c),
      });
    }
  }
  for (const s of before.contacts) {
    if (!kept.has(s.id)) {
      await call("delete", "/api/organizations/{id}/contacts/{contactId}", { params: { id, contactId: s.id } });
    }
  }

  await syncIdentifiers(
    id,
    "networks",
    before.networks.map((n) => ({ id: n.id, value: n.cidr })),
    after.cidrs,
    (cidr) => ({ cidr }),
  );
  await syncIdentifiers(
    id,
    "asns",
    before.asns.map((a) => ({ id: a.id, value: a.asn })),
    after.asns,
    (asn) => ({ asn }),
  );
  await syncIdentifiers(
    id,
    "domains",
    before.domains.map((d) => ({ id: d.id, value: d.name })),
    after.domains,
    (name) => ({ name }),
  );
}

/** Registers each identifier the form added, then removes each it dropped (by the stored row's id). */
async function syncIdentifiers<K extends "networks" | "asns" | "domains", V>(
  id: string,
  kind: K,
  stored: { id: number; value: V }[],
  wanted: V[],
  body: (value: V) => Body<`/api/organizations/{id}/${K}`, "post">,
) {
  for (const value of wanted) {
    if (stored.some((s) => s.value === value)) continue;
    await call("post", `/api/organizations/{id}/${kind}` as const, { params: { id }, body: body(value) });
  }
  for (const s of stored) {
    if (wanted.includes(s.value)) continue;
    await call("delete", `/api/organizations/{id}/${kind}/{itemId}` as const, { params: { id, itemId: s.id } });
  }
}

/** Past notices to this organization, with the owner's answers. */
export async function organizationNotices(id: string): Promise<PastNotice[]> {
  return (await call("get", "/api/organizations/{id}/notices", { params: { id } })).notices;
}

export const CONTACTS_TO_FIX_PAGE_SIZE = 100;

/** Undeliverable contacts across the registry, most recent first, a page at a time (issue 15). */
export async function contactsToFix(page = 1, pageSize = CONTACTS_TO_FIX_PAGE_SIZE): Promise<Page<ContactToFix>> {
  const answer = await call("get", "/api/organizations/contacts-to-fix", {
    query: { limit: pageSize, offset: (page - 1) * pageSize },
  });
  return { items: answer.contacts, total: answer.total, page, pageSize };
}

/** Later notices address the contact again; its failures so far no longer count. */
export const markContactFixed = (id: string, contactId: string) =>
  call("post", "/api/organizations/{id}/contacts/{contactId}/fixed", { params: { id, contactId } });

/** Rejected lines come as { line, errors: [{ field, message }] }: one detail per reason, each with its line. */
const rejectionDetails = (rejections: Answer<"/api/organizations/import", "post">["rejections"]): ErrorDetail[] =>
  rejections.flatMap((r) => r.errors.map((e) => ({ ...e, line: e.line ?? r.line })));

/** Bulk import (admin): the NDJSON or CSV file itself as the body, upserted by name. */
export function importOrganizations(file: File, onProgress: (p: UploadProgress) => void) {
  const type = /\.csv$/i.test(file.name) ? "text/csv" : "application/x-ndjson";
  const sent = upload<Answer<"/api/organizations/import", "post">>("/api/organizations/import", file, onProgress, type);
  return {
    abort: sent.abort,
    promise: sent.promise.then(({ rejections, ...counts }): ImportResult => ({
      ...counts,
      errors: rejectionDetails(rejections),
    })),
  };
}

/** An abuse mailbox's organization (admin): blocked, never matched again, with a reason; or unblocked. */
export const blockAbuseContact = (id: string, reason: string) =>
  call("put", "/api/organizations/{id}/block", { params: { id }, body: { reason } });
export const unblockAbuseContact = (id: string) => call("delete", "/api/organizations/{id}/block", { params: { id } });

/** Makes an abuse mailbox's organization a registered one (admin), optionally renamed. */
export const promoteAbuseContact = (id: string, name?: string) =>
  call("post", "/api/organizations/{id}/promote", { params: { id }, body: name ? { name } : {} });
