// The organization registry (issue 3): search, view, create, edit, import; an organization's past notices.
// Scalars change with PATCH; contacts, networks, ASNs and domains are sub-resources, so saving the console's
// one form becomes the few calls that turn the stored organization into the edited one.
import {
  del,
  get,
  normaliseDetails,
  patch,
  post,
  query,
  upload,
  type ErrorDetail,
  type UploadProgress,
} from "./http.ts";
import {
  arr,
  bool,
  first,
  language,
  noticeCore,
  num,
  numOrNull,
  obj,
  oneOf,
  orgRef,
  str,
  strOrNull,
  type Raw,
} from "./read.ts";
import {
  CONTACT_ROLES,
  type Contact,
  type ImportResult,
  type OrgDetail,
  type OrgInput,
  type OrgSummary,
  type Page,
  type PastNotice,
} from "./types.ts";

const path = (id: string, rest = "") => `/api/organizations/${encodeURIComponent(id)}${rest}`;

function summary(o: Raw): OrgSummary {
  const counts = obj(o.counts);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : numOrNull(v));
  return {
    id: str(o.id),
    name: str(o.name),
    sector: strOrNull(o.sector),
    country: strOrNull(o.country),
    language: language(o.language) ?? "en",
    active: bool(o.active, true),
    contactCount: count(first(counts, "contacts") ?? first(o, "contactCount", "contacts")),
    networkCount: count(first(counts, "networks") ?? first(o, "networkCount", "networks")),
  };
}

function contact(raw: unknown): Contact {
  const c = obj(raw);
  const role = str(c.role);
  return {
    id: strOrNull(c.id),
    email: str(c.email),
    name: str(c.name),
    role: oneOf(CONTACT_ROLES, role, "abuse"),
    language: language(c.language),
    pgpPublicKey: strOrNull(c.pgpPublicKey),
    active: bool(c.active, true),
  };
}

/** Networks, ASNs and domains come as rows ({ id, cidr }) or as plain values; keeps each row's id. */
function identifiers(v: unknown, key: string) {
  const ids: Record<string, number> = {};
  const values = arr(v).map((x) => {
    const value = str(x && typeof x === "object" ? obj(x)[key] : x);
    if (x && typeof x === "object" && obj(x).id !== undefined) ids[value] = num(obj(x).id);
    return value;
  });
  return { values: values.filter(Boolean), ids };
}

export async function searchOrganizations(search: string, page = 1): Promise<Page<OrgSummary>> {
  const answer = await get<unknown>(`/api/organizations${query({ search, page })}`);
  const o = obj(answer);
  return {
    items: arr(answer, "organizations", "items").map((raw) => summary(obj(raw))),
    total: numOrNull(first(o, "total", "count")),
    page: num(o.page) || page,
    pageSize: numOrNull(first(o, "pageSize", "limit")),
  };
}

function detail(raw: unknown): OrgDetail {
  const o = obj(raw);
  const cidrs = identifiers(first(o, "networks", "cidrs"), "cidr");
  const asns = identifiers(first(o, "asns", "autonomousSystems"), "asn");
  const domains = identifiers(o.domains, "name");
  return {
    ...summary(o),
    contactCount: arr(o.contacts).length,
    networkCount: cidrs.values.length,
    contacts: arr(o.contacts).map(contact),
    cidrs: cidrs.values,
    asns: asns.values.map(Number).filter((n) => n > 0),
    domains: domains.values,
    ids: { cidrs: cidrs.ids, asns: asns.ids, domains: domains.ids },
  };
}

export const getOrganization = async (id: string) => detail(await get<unknown>(path(id)));

const contactBody = (c: OrgInput["contacts"][number]) => ({
  email: c.email,
  name: c.name,
  role: c.role,
  language: c.language,
  pgpPublicKey: c.pgpPublicKey,
  active: c.active,
});

export async function createOrganization(input: OrgInput): Promise<{ id: string }> {
  // Creation takes the import's record shape in one call; a contact's key and active flag follow, if any.
  const created = detail(
    await post<unknown>("/api/organizations", {
      name: input.name,
      sector: input.sector,
      country: input.country,
      language: input.language,
      contacts: input.contacts.map((c) => ({ email: c.email, name: c.name, role: c.role, language: c.language })),
      cidrs: input.cidrs,
      asns: input.asns,
      domains: input.domains,
    }),
  );
  for (const c of input.contacts) {
    const stored = created.contacts.find((s) => s.email === c.email.trim().toLowerCase() || s.email === c.email);
    if (stored?.id && (c.pgpPublicKey || !c.active))
      await patch(path(created.id, `/contacts/${stored.id}`), contactBody(c));
  }
  if (!input.active) await patch(path(created.id), { active: false });
  return { id: created.id };
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
  };
  if (Object.entries(scalars).some(([k, v]) => before[k as keyof typeof scalars] !== v)) await patch(path(id), scalars);

  const kept = new Set<string>();
  for (const c of after.contacts) {
    const stored = before.contacts.find((s) => s.email.toLowerCase() === c.email.trim().toLowerCase());
    if (!stored?.id) {
      await post(path(id, "/contacts"), contactBody(c));
      continue;
    }
    kept.add(stored.id);
    const changed =
      stored.name !== c.name ||
      stored.role !== c.role ||
      stored.language !== c.language ||
      stored.pgpPublicKey !== c.pgpPublicKey ||
      stored.active !== c.active;
    if (changed) await patch(path(id, `/contacts/${stored.id}`), contactBody(c));
  }
  for (const s of before.contacts) if (s.id && !kept.has(s.id)) await del(path(id, `/contacts/${s.id}`));

  const sync = async (
    kind: "networks" | "asns" | "domains",
    field: string,
    old: string[],
    next: string[],
    ids: Record<string, number>,
  ) => {
    for (const v of next)
      if (!old.includes(v)) await post(path(id, `/${kind}`), { [field]: kind === "asns" ? Number(v) : v });
    for (const v of old) if (!next.includes(v) && ids[v] !== undefined) await del(path(id, `/${kind}/${ids[v]}`));
  };
  await sync("networks", "cidr", before.cidrs, after.cidrs, before.ids.cidrs);
  await sync("asns", "asn", before.asns.map(String), after.asns.map(String), before.ids.asns);
  await sync("domains", "name", before.domains, after.domains, before.ids.domains);
}

/** Past notices to this organization, with the owner's answers. */
export async function organizationNotices(id: string): Promise<PastNotice[]> {
  const answer = await get<unknown>(path(id, "/notices"));
  return arr(answer, "notices", "items").map((raw) => {
    const n = obj(raw);
    return {
      ...noticeCore(n),
      campaign: orgRef(n.campaign, n.campaignId, n.campaignName) ?? { id: "", name: "" },
      language: language(n.language) ?? "en",
      createdAt: str(n.createdAt),
      answers: arr(first(n, "answers", "replies")).map((a) => {
        const r = obj(a);
        return {
          answer: str(r.answer),
          host: strOrNull(first(r, "host", "hostKey", "ip")),
          comment: strOrNull(r.comment),
          at: str(r.at),
        };
      }),
    };
  });
}

/** Rejected lines come as { line, errors: [{ field, message }] }: one detail per reason, each with its line. */
function rejections(v: unknown): ErrorDetail[] {
  return arr(v).flatMap((raw) => {
    const r = obj(raw);
    const line = numOrNull(r.line) ?? undefined;
    return normaliseDetails(r.errors).map((d) => ({ ...d, line: d.line ?? line }));
  });
}

/** Bulk import (admin): the NDJSON or CSV file itself as the body, upserted by name. */
export function importOrganizations(file: File, onProgress: (p: UploadProgress) => void) {
  const type = /\.csv$/i.test(file.name) ? "text/csv" : "application/x-ndjson";
  const { promise, abort } = upload<unknown>("/api/organizations/import", file, onProgress, type);
  return {
    abort,
    promise: promise.then((raw): ImportResult => {
      const o = obj(raw);
      return {
        created: num(o.created),
        updated: num(o.updated),
        rejected: num(o.rejected),
        errors: o.rejections !== undefined ? rejections(o.rejections) : normaliseDetails(o.errors),
      };
    }),
  };
}
