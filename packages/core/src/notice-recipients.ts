import type { Language } from "./language.ts";
import type { ContactRole } from "./registry/organization-record.ts";

export type ContactForNotice = {
  email: string;
  role: ContactRole;
  language: Language | null;
  active: boolean;
};

const ROLE_ORDER = { abuse: 0, security: 1, technical: 2 } as const;

/**
 * Who receives an organization's notice, and in which language.
 *
 * Recipients: the active contacts, abuse first, then security, then technical; each address once.
 *
 * Language: a notice is one e-mail (one reference, one link, one reply thread) per organization, so it has
 * one language. When every recipient reads the same language (their own override, or the organization's),
 * that language is used, so an organization whose contacts all asked for French gets French. When they
 * differ, the organization's registered language wins: it is the language the organization itself chose
 * for common correspondence, and the owner's page behind the link lets each reader switch language.
 * Sending one mail per language group would split one organization's answer over several links.
 */
export function noticeRecipients(contacts: readonly ContactForNotice[], organizationLanguage: Language) {
  const active = contacts
    .filter((c) => c.active)
    .map((c, i) => ({ ...c, email: c.email.trim().toLowerCase(), i }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.i - b.i);
  const seen = new Set<string>();
  const recipients = active.filter((c) => !seen.has(c.email) && seen.add(c.email));
  const languages = new Set(recipients.map((c) => c.language ?? organizationLanguage));
  const language = languages.size === 1 ? [...languages][0]! : organizationLanguage;
  return { recipients: recipients.map((c) => c.email), language };
}
