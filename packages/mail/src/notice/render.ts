import type { Block } from "./view.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Wraps prose at 76 columns (never inside a word or a URL), keeping explicit line breaks. */
function wrap(text: string, width = 76, indent = ""): string {
  return text
    .split("\n")
    .map((line) => {
      const out: string[] = [];
      let current = "";
      for (const word of line.split(" ")) {
        if (current && (indent + current + " " + word).length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.map((l, i) => (i === 0 ? l : indent + l)).join("\n");
    })
    .join("\n");
}

/** Plain text: the part every mail client shows and the one a ticket system keeps. */
export function blocksToText(blocks: Block[]): string {
  const parts = blocks.map((b) => {
    if ("h" in b) return `${b.h}\n${"-".repeat(b.h.length)}`;
    if ("p" in b) return wrap(b.p);
    if ("ol" in b) return b.ol.map((item, i) => wrap(`${i + 1}. ${item}`, 76, "   ")).join("\n");
    if ("ul" in b) return b.ul.map((item) => wrap(`- ${item}`, 76, "  ")).join("\n");
    if ("pre" in b) return b.pre.map((line) => `    ${line}`).join("\n");
    if ("links" in b) return b.links.map((k) => `- ${k.label}: ${k.url}`).join("\n");
    return b.link;
  });
  return `${parts.join("\n\n")}\n`;
}

/** The HTML alternative: the same blocks, plain markup, no remote resources, readable without styles. */
export function blocksToHtml(blocks: Block[], lang: string, title: string): string {
  const body = blocks
    .map((b) => {
      if ("h" in b) return `<h2 style="font-size:1.1em;margin:1.2em 0 0.4em">${esc(b.h)}</h2>`;
      if ("p" in b) return `<p>${esc(b.p).replace(/\n/g, "<br>")}</p>`;
      if ("ol" in b) return `<ol>${b.ol.map((i) => `<li>${esc(i)}</li>`).join("")}</ol>`;
      if ("ul" in b) return `<ul>${b.ul.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
      if ("pre" in b) return `<pre style="font-size:0.95em">${b.pre.map(esc).join("\n")}</pre>`;
      if ("links" in b)
        return `<ul>${b.links.map((k) => `<li><a href="${esc(k.url)}">${esc(k.label)}</a></li>`).join("")}</ul>`;
      return `<p><a href="${esc(b.link)}">${esc(b.label ?? b.link)}</a></p>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body style="font-family:sans-serif;line-height:1.45;max-width:42em">\n${body}\n</body></html>\n`;
}
