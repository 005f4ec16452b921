import type { KeyboardEvent } from "react";
import { LANGUAGES, type Language } from "../api/index.ts";

const NAMES: Record<Language, string> = { nl: "Nederlands", fr: "Français", de: "Deutsch", en: "English" };

/** A tab list of the four languages; arrow keys move between tabs as the ARIA tabs pattern expects. */
export function LanguageTabs({
  id,
  label,
  value,
  onChange,
  marks,
}: {
  id: string;
  label: string;
  value: Language;
  onChange: (l: Language) => void;
  marks?: Partial<Record<Language, boolean>>;
}) {
  const key = (e: KeyboardEvent) => {
    const i = LANGUAGES.indexOf(value);
    const next =
      e.key === "ArrowRight" ? LANGUAGES[(i + 1) % 4] : e.key === "ArrowLeft" ? LANGUAGES[(i + 3) % 4] : null;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={key}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          role="tab"
          id={`${id}-tab-${l}`}
          aria-selected={l === value}
          aria-controls={`${id}-panel`}
          tabIndex={l === value ? 0 : -1}
          lang={l}
          onClick={() => onChange(l)}
        >
          {NAMES[l]}
          {marks && !marks[l] && (
            <span className="tab-mark" aria-label=" (empty)">
              {" "}
              ○
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

export const tabPanelProps = (id: string, l: Language) => ({
  role: "tabpanel",
  id: `${id}-panel`,
  "aria-labelledby": `${id}-tab-${l}`,
  lang: l,
});
