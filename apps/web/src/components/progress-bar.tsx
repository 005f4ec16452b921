/** A labelled progress bar; `value` null draws an indeterminate one (size not known yet). */
export function ProgressBar({
  label,
  value,
  max = 1,
  text,
}: {
  label: string;
  value: number | null;
  max?: number;
  text?: string;
}) {
  const ratio = value === null || max <= 0 ? null : Math.min(1, Math.max(0, value / max));
  return (
    <div className="progress">
      <div
        className={`progress-track${ratio === null ? " indeterminate" : ""}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ratio === null ? undefined : Math.round(ratio * 100)}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: ratio === null ? undefined : `${ratio * 100}%` }} />
      </div>
      {text && <span className="progress-text">{text}</span>}
    </div>
  );
}
