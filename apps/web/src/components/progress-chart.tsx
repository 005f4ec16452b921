import type { ProgressDay } from "../api/index.ts";
import { n } from "../lib/format.ts";

export const SERIES = [
  { key: "notified", label: "Notified", color: "#0b3d91" },
  { key: "answered", label: "Answered", color: "#b45309" },
  { key: "gone", label: "Gone", color: "#15803d" },
  { key: "stillOpen", label: "Still open", color: "#b91c1c" },
] as const;

const W = 720;
const H = 280;
// Room on the left for "20,000" at the larger axis text of a phone (styles.css).
const PAD = { left: 76, right: 16, top: 12, bottom: 44 };

/** Rounds the axis top up to 1, 2 or 5 times a power of ten, so ticks read as round numbers. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** Hosts per state over time, as lines: inline SVG, readable without colour (dash patterns) and as a table. */
export function ProgressChart({ days }: { days: ProgressDay[] }) {
  const max = niceMax(Math.max(0, ...days.flatMap((d) => SERIES.map((s) => d[s.key]))));
  const x = (i: number) =>
    PAD.left +
    (days.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (days.length - 1));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const dashes = ["", "6 4", "2 3", "10 3 2 3"];
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Hosts notified, answered, gone and still open over ${days.length} day(s)`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="axis">
              {n(Math.round(t))}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          i % labelEvery === 0 || i === days.length - 1 ? (
            <text key={d.day} x={x(i)} y={H - PAD.bottom + 24} textAnchor="middle" className="axis">
              {d.day.slice(5)}
            </text>
          ) : null,
        )}
        {SERIES.map((s, si) => (
          <g key={s.key} data-series={s.key}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              strokeDasharray={dashes[si]}
              points={days.map((d, i) => `${x(i)},${y(d[s.key])}`).join(" ")}
            />
            {/* One day draws no line: its dots alone must be seen. */}
            {days.map((d, i) => (
              <circle key={d.day} cx={x(i)} cy={y(d[s.key])} r={days.length > 1 ? 3 : 6} fill={s.color}>
                <title>{`${s.label} on ${d.day}: ${n(d[s.key])}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {SERIES.map((s, si) => (
            <li key={s.key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} strokeWidth={2.5} strokeDasharray={dashes[si]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
