// Small readers for the API's JSON. They never throw: a missing field becomes null / 0 / [], so a shape that
// changed while branches merge degrades a page to "unknown" rather than crashing it.

import type { Language, OrgRef, Tlp } from "./types.ts";
import { LANGUAGES, NOTICE_STATUSES, TLPS } from "./types.ts";

export type Raw = Record<string, unknown>;

export const obj = (v: unknown): Raw => (v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
export const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
export const strOrNull = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;
export const num = (v: unknown): number =>
  typeof v === "number" && Number.isFinite(v)
    ? v
    : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))
      ? Number(v)
      : 0;
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined || v === "" ? null : Number.isFinite(Number(v)) ? Number(v) : null;
export const bool = (v: unknown, fallback = false): boolean => (typeof v === "boolean" ? v : fallback);
export const boolOrNull = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);

/** The first of `keys` that holds an array (answers come as `[...]` or `{ items: [...] }` and the like). */
export function arr(v: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(v)) return v;
  const o = obj(v);
  for (const k of keys) if (Array.isArray(o[k])) return o[k] as unknown[];
  return [];
}

/** The first of `keys` present in `o`. */
export function first(o: Raw, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

/** `v` when it is one of `values`, else `fallback`: an unknown code from a newer API never reaches a page. */
export function oneOf<T extends string, F extends T | null>(values: readonly T[], v: unknown, fallback: F): T | F {
  return (values as readonly string[]).includes(str(v)) ? (str(v) as T) : fallback;
}

export const language = (v: unknown): Language | null => oneOf(LANGUAGES, v, null);

/** What every notice the API lists carries, whichever list it comes in. */
export function noticeCore(n: Raw) {
  return {
    id: str(n.id),
    reference: str(n.reference),
    kind: str(n.kind) === "reminder" ? ("reminder" as const) : ("initial" as const),
    status: oneOf(NOTICE_STATUSES, n.status, "queued"),
    hostCount: num(n.hostCount),
    sentAt: strOrNull(n.sentAt),
  };
}

/** Accepts AMBER_STRICT, "TLP:AMBER+STRICT", "amber+strict". */
export function tlp(v: unknown): Tlp | null {
  const s = str(v).toUpperCase().replace(/^TLP:/, "").replace("+", "_");
  return oneOf(TLPS, s, null);
}

export function orgRef(v: unknown, fallbackId?: unknown, fallbackName?: unknown): OrgRef | null {
  const o = obj(v);
  const id = str(o.id ?? fallbackId);
  if (!id) return null;
  return { id, name: str(o.name ?? fallbackName) || id };
}
