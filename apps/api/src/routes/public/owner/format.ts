import { LANGS, type Lang } from "../../../lib/html.ts";
import type { OwnerTexts } from "./i18n/index.ts";

// Small pure helpers of the owner's pages: dates, host labels and the campaign's advice read defensively
// (advice is staff-entered JSON per language; a missing or odd part is left out, never an error).

export const formatDateTime = (t: OwnerTexts, d: Date) =>
  `${new Intl.DateTimeFormat(t.locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;

export const formatDate = (t: OwnerTexts, d: Date) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: "long", timeZone: "UTC" }).format(d);

export const tlpLabel = (tlp: string) => `TLP:${tlp.replace("_", "+")}`;

type HostLike = { ip: string | null; port: number | null; protocol: string | null; hostname: string | null };

/** "192.0.2.1:443", "[2001:db8::1]:443", or the hostname when there is no address. */
export function hostLabel(h: HostLike): string {
  const address = h.ip ?? h.hostname ?? "?";
  if (h.port == null) return address;
  return address.includes(":") ? `[${address}]:${h.port}` : `${address}:${h.port}`;
}

export const serviceLabel = (h: HostLike) =>
  [h.port, h.protocol].filter((v) => v !== null && v !== undefined && v !== "").join(" / ") || "–";

export type AdviceView = {
  summary: string[];
  actions: string[];
  compromiseCheck: string | null;
  links: { label: string; url: string }[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  typeof v === "string"
    ? [v]
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "")
      : [];
const safeUrl = (v: unknown) => typeof v === "string" && /^https?:\/\/[^\s]+$/i.test(v);

/** The advice in `lang`, else English, else any language that has some; null when there is none. */
export function adviceIn(advice: unknown, lang: Lang, compromiseSince: string | null): AdviceView | null {
  if (!isRecord(advice)) return null;
  const a = [lang, "en", ...LANGS].map((l) => advice[l]).find(isRecord);
  if (!a) return null;
  const links = (Array.isArray(a.links) ? a.links : [])
    .map((l) =>
      typeof l === "string"
        ? { label: l, url: l }
        : isRecord(l)
          ? { label: l.label ?? l.title ?? l.url, url: l.url }
          : null,
    )
    .filter((l): l is { label: unknown; url: string } => l !== null && safeUrl(l.url))
    .map((l) => ({ label: typeof l.label === "string" && l.label.trim() ? l.label : l.url, url: l.url }));
  const check = strings(a.compromiseCheck).join("\n");
  return {
    summary: strings(a.summary)
      .flatMap((s) => s.split(/\n\s*\n/))
      .map((s) => s.trim())
      .filter(Boolean),
    actions: strings(a.actions),
    compromiseCheck: check ? check.replaceAll("{since}", compromiseSince ?? "") : null,
    links,
  };
}
