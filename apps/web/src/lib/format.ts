const number = new Intl.NumberFormat("en-GB");
export const n = (v: number | null | undefined) => (v === null || v === undefined ? "—" : number.format(v));

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)} %`;

/** Dates as staff in Belgium read them, with the time zone left implicit (the browser's). */
export function dateTime(iso: string | null | undefined) {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function date(iso: string | null | undefined) {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("en-GB", { dateStyle: "medium" });
}

/** "TLP:AMBER+STRICT"; any text, as some answers (a list's) carry the level as text. */
export const tlpLabel = (t: string) => `TLP:${t.replace("_", "+")}`;

export const bytes = (v: number) =>
  v < 1024 ? `${v} B` : v < 1024 ** 2 ? `${(v / 1024).toFixed(1)} KB` : `${(v / 1024 ** 2).toFixed(1)} MB`;

export const hours = (v: number | null) =>
  v === null ? "—" : v < 48 ? `${v.toFixed(1)} h` : `${(v / 24).toFixed(1)} days`;

/** "in_progress" → "in progress" */
export const words = (s: string) => s.replaceAll("_", " ").replaceAll("-", " ");
