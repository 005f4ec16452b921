import { LANGUAGES, type Language } from "../language.ts";

/**
 * The language of a fallback contact's notices: the first of its security.txt's `Preferred-Languages`
 * Baken writes in (`fr-BE` counts as `fr`), else the default of its country (NOTICE_LANGUAGE_BY_COUNTRY),
 * else English, which every abuse desk reads.
 */
export function fallbackLanguage(
  preferred: readonly string[],
  country: string | null,
  byCountry: ReadonlyMap<string, Language>,
): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split("-")[0] as Language;
    if (LANGUAGES.includes(primary)) return primary;
  }
  return (country && byCountry.get(country.toUpperCase())) || "en";
}

/** The country of a domain's top-level domain (`example.be` -> BE, `.uk` -> GB), or null for a generic one. */
export function domainCountry(domain: string): string | null {
  const tld = domain.toLowerCase().replace(/\.$/, "").split(".").pop() ?? "";
  if (!/^[a-z]{2}$/.test(tld) || tld === "eu") return null;
  return tld === "uk" ? "GB" : tld.toUpperCase();
}
