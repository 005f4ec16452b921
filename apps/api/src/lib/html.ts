// The shell of every public page: no script or style from elsewhere, readable on a phone, and a language
// switch. Pages build their body with `html` so every interpolated value is escaped.

export type Lang = "nl" | "fr" | "de" | "en";
export const LANGS: readonly Lang[] = ["nl", "fr", "de", "en"];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Marks a string as already safe HTML. */
export class Safe {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** Tagged template: interpolations are escaped unless Safe; arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  const render = (v: unknown): string =>
    v instanceof Safe
      ? v.value
      : Array.isArray(v)
        ? v.map(render).join("")
        : v === false || v == null
          ? ""
          : escapeHtml(v);
  return new Safe(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ""), ""));
}

/** Negotiates nl/fr/de/en from ?lang= first, then Accept-Language; English when nothing fits. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query && (LANGS as readonly string[]).includes(query)) return query as Lang;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: (tag ?? "").slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => (LANGS as readonly string[]).includes(r.lang))?.lang as Lang) ?? "en";
}

const LANG_NAMES: Record<Lang, string> = { nl: "Nederlands", fr: "Français", de: "Deutsch", en: "English" };

export function page(opts: {
  lang: Lang;
  title: string;
  body: Safe;
  langHref?: (l: Lang) => string;
  certName: string;
}): string {
  const switcher = opts.langHref
    ? html`<nav class="langs" aria-label="Language">
        ${LANGS.map((l) =>
          l === opts.lang
            ? html`<strong lang="${l}" aria-current="true">${LANG_NAMES[l]}</strong>`
            : html`<a href="${opts.langHref!(l)}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a>`,
        )}
      </nav>`
    : "";
  return `<!doctype html>${html`<html lang="${opts.lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <title>${opts.title} · ${opts.certName}</title>
      <style>
        ${new Safe(STYLE)}
      </style>
    </head>
    <body>
      <header><span class="brand">${opts.certName}</span>${switcher}</header>
      <main id="main">${opts.body}</main>
    </body>
  </html>`}`;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;align-items:center;padding:.75rem 1rem;background:#0b3d91;color:#fff}
header a{color:#fff}.brand{font-weight:700}.langs{display:flex;gap:.75rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25}fieldset{border:1px solid #c5cad3;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}
legend{font-weight:600;padding:0 .25rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.hint{display:block;font-weight:400;color:#4a4f57;font-size:.9rem}
input[type=text],input[type=email],input[type=tel],input[type=datetime-local],select,textarea{width:100%;padding:.5rem;border:1px solid #6b7280;border-radius:4px;font:inherit;background:#fff}
textarea{min-height:6rem}.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
.choice input{margin-top:.3rem}
button,.button{display:inline-block;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b3d91;color:#fff;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:#a4000f;font-weight:600}.errors{border:2px solid #a4000f;background:#fff5f5;padding:.75rem 1rem;border-radius:6px}
.notice{border-left:4px solid #0b3d91;background:#fff;padding:.75rem 1rem}.urgent{border-left:4px solid #a4000f;background:#fff;padding:.75rem 1rem}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #d9dde3;vertical-align:top}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.hp{position:absolute;left:-10000px}
`;
