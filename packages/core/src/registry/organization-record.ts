import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import type { ErrorDetail } from "../errors.ts";
import { normaliseHostname, parseAsn } from "../ingest/normalise-values.ts";
import { parseCidr } from "../match/ip-address.ts";

import { LANGUAGES, type Language } from "../language.ts";

export { LANGUAGES, type Language };
export const CONTACT_ROLES = ["abuse", "security", "technical"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const contactSchema = z.object({
  email: z.email("not a valid e-mail address").trim().toLowerCase(),
  name: z.string().trim().max(200).default(""),
  role: z.enum(CONTACT_ROLES, `must be one of ${CONTACT_ROLES.join(", ")}`).default("abuse"),
  language: z.enum(LANGUAGES, `must be one of ${LANGUAGES.join(", ")}`).nullish(),
});
export type ContactRecord = z.infer<typeof contactSchema>;

/**
 * Where a notice that reached none of an organization's contacts is re-sent once (issue 15): an address,
 * or null for none (an empty string clears it too).
 */
export const fallbackEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.union([z.literal("").transform(() => null), z.email("not a valid e-mail address").max(320)]))
  .nullable();

const organizationSchema = z.object({
  name: z.string("a name is required").trim().min(1, "a name is required").max(200),
  sector: z.string().trim().max(100).nullish(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "a two-letter country code")
    .transform((c) => c.toUpperCase())
    .nullish(),
  language: z.enum(LANGUAGES, `must be one of ${LANGUAGES.join(", ")}`).default("en"),
  contacts: z.array(contactSchema).default([]),
  cidrs: z.array(z.string()).default([]),
  asns: z.array(z.union([z.number(), z.string()])).default([]),
  domains: z.array(z.string()).default([]),
  fallbackEmail: fallbackEmailSchema.optional(),
});

/** An organization as the registry import takes it, every value checked and normalised. */
export type OrganizationRecord = {
  name: string;
  sector: string | null;
  country: string | null;
  language: Language;
  contacts: ContactRecord[];
  cidrs: string[];
  asns: number[];
  domains: string[];
  /** Given: the fallback address to set (null clears it); absent: the one staff set stays. */
  fallbackEmail?: string | null;
};

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A registered domain: a hostname of at least two labels, lower-case, no trailing dot. */
export function normaliseDomain(input: string): Checked<string> {
  const h = normaliseHostname(input);
  if (!h.ok) return { ok: false, message: `not a valid domain: '${input}'` };
  if (!h.value.includes(".")) return { ok: false, message: `a registered domain has at least two labels: '${input}'` };
  return h;
}

/** A network in canonical form (`198.18.0.0/20`, `2001:db8::/48`); host bits must be zero. */
export function normaliseCidr(input: string): Checked<string> {
  const c = parseCidr(input);
  return c.ok ? { ok: true, value: c.cidr.text } : c;
}

export { parseAsn };

/** Validates one organization; errors name the field (`cidrs[1]`, `contacts[0].email`). */
export function validateOrganization(
  input: unknown,
  line?: number,
): { ok: true; record: OrganizationRecord } | { ok: false; errors: ErrorDetail[] } {
  const at = (field: string, message: string): ErrorDetail =>
    line === undefined ? { field, message } : { line, field, message };
  const parsed = organizationSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) =>
        at(
          i.path.map((p, k) => (typeof p === "number" ? `[${p}]` : k ? `.${String(p)}` : String(p))).join("") ||
            "record",
          i.message,
        ),
      ),
    };
  }
  const o = parsed.data;
  const errors: ErrorDetail[] = [];
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const cidrs = o.cidrs.flatMap((c, i) => {
    const r = normaliseCidr(c);
    if (!r.ok) errors.push(at(`cidrs[${i}]`, r.message));
    return r.ok ? [r.value] : [];
  });
  const asns = o.asns.flatMap((a, i) => {
    const r = parseAsn(String(a));
    if (!r.ok) errors.push(at(`asns[${i}]`, r.message));
    return r.ok ? [r.value] : [];
  });
  const domains = o.domains.flatMap((d, i) => {
    const r = normaliseDomain(d);
    if (!r.ok) errors.push(at(`domains[${i}]`, r.message));
    return r.ok ? [r.value] : [];
  });
  const emails = new Set<string>();
  o.contacts.forEach((c, i) => {
    if (emails.has(c.email)) errors.push(at(`contacts[${i}].email`, `${c.email} appears twice`));
    emails.add(c.email);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      name: o.name,
      sector: o.sector || null,
      country: o.country || null,
      language: o.language,
      contacts: o.contacts.map((c) => ({ ...c, language: c.language ?? null })),
      cidrs: unique(cidrs),
      asns: unique(asns),
      domains: unique(domains),
      ...(o.fallbackEmail !== undefined ? { fallbackEmail: o.fallbackEmail } : {}),
    },
  };
}

export type RegistryEntry = { line: number } & (
  { ok: true; record: OrganizationRecord } | { ok: false; errors: ErrorDetail[] }
);

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/** A CSV contact cell entry: `email|role|name|language`, only the e-mail required. */
function csvContact(entry: string) {
  const [email, role, name, language] = entry.split("|").map((s) => s.trim());
  return { email, ...(role ? { role } : {}), ...(name ? { name } : {}), ...(language ? { language } : {}) };
}

/**
 * Reads a registry import file: NDJSON (one organization a line, the shape of registry.ndjson) or CSV
 * with a header `name,sector,country,language,contacts,cidrs,asns,domains` (lists separated by `;`), and
 * optionally `fallback_email` (an empty cell clears it; without the column the address staff set stays).
 */
export function readRegistryFile(text: string): { format: "ndjson" | "csv"; entries: RegistryEntry[] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.trimStart().split("\n", 1)[0] ?? "";
  if (firstLine.startsWith("{") || firstLine.startsWith("[")) {
    const entries: RegistryEntry[] = [];
    body.split("\n").forEach((raw, i) => {
      const line = i + 1;
      const s = raw.trim();
      if (!s) return;
      let value: unknown;
      try {
        value = JSON.parse(s);
      } catch {
        entries.push({ line, ok: false, errors: [{ line, field: "record", message: "not valid JSON" }] });
        return;
      }
      const v = validateOrganization(value, line);
      entries.push(v.ok ? { line, ok: true, record: v.record } : { line, ok: false, errors: v.errors });
    });
    return { format: "ndjson", entries };
  }
  const rows = parseCsv(body, {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
    trim: true,
  }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const header = (rows[0]?.record ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const entries = rows.slice(1).map(({ record, info }): RegistryEntry => {
    const line = info.lines;
    const get = (name: string) => (col(name) >= 0 ? record[col(name)] : undefined);
    const value = {
      name: get("name"),
      sector: get("sector") || null,
      country: get("country") || null,
      language: get("language") || undefined,
      contacts: list(get("contacts")).map(csvContact),
      cidrs: list(get("cidrs")),
      asns: list(get("asns")),
      domains: list(get("domains")),
      ...(col("fallback_email") >= 0 ? { fallbackEmail: get("fallback_email") ?? "" } : {}),
    };
    const v = validateOrganization(value, line);
    return v.ok ? { line, ok: true, record: v.record } : { line, ok: false, errors: v.errors };
  });
  return { format: "csv", entries };
}
