import type { ChangeEvent, InputHTMLAttributes, ReactNode } from "react";

type Labelled = { id: string; label: ReactNode; hint?: ReactNode; className?: string };

/** A label (with an optional hint after it) over its control: every form field of the console. */
export function Field({ id, label, hint, className, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id}>
        {label}
        {hint && (
          <>
            {" "}
            <span className="hint">{hint}</span>
          </>
        )}
      </label>
      {children}
    </div>
  );
}

type Controlled<E> = {
  value: string;
  onChange: (value: string) => void;
  /** Addresses, CVEs, CIDRs: typed in a fixed-width face. */
  mono?: boolean;
} & Omit<E, "id" | "value" | "onChange" | "className">;

/** A line of text, or with `rows` a box of several (a textarea). */
export function TextField({
  id,
  label,
  hint,
  className,
  value,
  onChange,
  mono,
  rows,
  ...input
}: Labelled & Controlled<InputHTMLAttributes<HTMLInputElement>> & { rows?: number }) {
  const control = {
    id,
    value,
    className: mono ? "mono" : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  };
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      {rows ? <textarea rows={rows} {...control} /> : <input {...control} {...input} />}
    </Field>
  );
}

export type Option = string | { value: string; label: string };

/** A choice among `options` (a bare string is its own label); `empty` adds a first "none" choice. */
export function SelectField<V extends string>({
  id,
  label,
  hint,
  className,
  value,
  onChange,
  options,
  empty,
  disabled,
}: Labelled & {
  value: V;
  onChange: (value: V) => void;
  options: readonly Option[];
  empty?: string;
  disabled?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)} disabled={disabled}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) =>
          typeof o === "string" ? (
            <option key={o}>{o}</option>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
    </Field>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div>
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    </div>
  );
}
