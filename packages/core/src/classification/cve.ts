// CVE identifiers (cve.org): "CVE-", a four-digit year, "-", a sequence number of four or more digits
// (CVE-2014-0160, CVE-2021-26855, CVE-2023-1234567). Stored upper-case, as cve.org writes them.

export const CVE_ID_PATTERN = /^CVE-\d{4}-\d{4,}$/;

/** The first year of the CVE list: an id with an earlier year is a typo, not a CVE. */
const FIRST_CVE_YEAR = 1999;

/** The id upper-cased and trimmed when it is a well-formed CVE id, else null. */
export function normaliseCveId(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (!CVE_ID_PATTERN.test(id)) return null;
  return Number(id.slice(4, 8)) >= FIRST_CVE_YEAR ? id : null;
}

export const isCveId = (value: string): boolean => normaliseCveId(value) === value;

// Inside free text or a tag list such as Shadowserver's "cve-2021-26855;exchange": an id not glued to other
// letters or digits on either side (so "xcve-2021-1234" and "CVE-2021-12345678a" are not read as CVEs).
const CVE_IN_TEXT = /(?<![A-Za-z0-9])CVE-\d{4}-\d{4,}(?![A-Za-z0-9])/gi;

/** Every CVE id in `texts` (tags, descriptions), upper-cased, each once, in order of appearance. */
export function extractCves(...texts: (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text?.matchAll(CVE_IN_TEXT) ?? []) {
      const id = normaliseCveId(match[0]);
      if (id) found.add(id);
    }
  }
  return [...found];
}

/** The CVE record at cve.org, the list's own site (NVD adds scores: nvdUrl). */
export const cveRecordUrl = (id: string) => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;

/** The vulnerability at NIST's National Vulnerability Database (CVSS scores, references). */
export const nvdUrl = (id: string) => `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(id)}`;
