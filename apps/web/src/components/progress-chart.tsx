import { useState } from "react";
import type { ProgressDay } from "../api/index.ts";
import { dateStep, dayLabel, valueTicks } from "../lib/chart-axes.ts";
import { n } from "../lib/format.ts";

export const SERIES = [
  { key: "notified", label: "Notified", color: "#0b3d91" },
  { key: "answered", label: "Answered", color: "#b45309" },
  { key: "gone", label: "Gone", color: "#15803d" },
  { key: "stillOpen", label: "Still open", color: "#b91c1c" },
] as const;

const W = 720;
const H = 300;
// Room on the left for "20,000" or "100 %" at the larger axis text of a phone (styles.css), below for dates.
const PAD = { left: 80, right: 20, top: 16, bottom: 56 };
const DASHES = ["", "6 4", "2 3", "10 3 2 3"];

/**
 * Hosts per state over time, as lines on real axes: dates below (one tick a day, a week or a month, as many
 * as fit), hosts or percent of those notified on the left. One day is drawn in the middle of its own span,
 * its dots labelled; readable without colour (dash patterns), and as a table beside it.
 */
export function ProgressChart({ days }: { days: ProgressDay[] }) {
  const [percent, setPercent] = useState(false);
  const notified = Math.max(1, days.at(-1)?.notified ?? 0);
  const value = (d: ProgressDay, key: (typeof SERIES)[number]["key"]) => (percent ? (d[key] / notified) * 100 : d[key]);
  const ticks = percent
    ? [0, 25, 50, 75, 100]
    : valueTicks(Math.max(0, ...days.flatMap((d) => SERIES.map((s) => d[s.key]))));
  const top = ticks.at(-1)!;
  // The x domain runs half a day beyond the first and last day, so one day sits in the middle, not on an edge.
  const span = days.length;
  const x = (i: number) => PAD.left + ((i + 0.5) * (W - PAD.left - PAD.right)) / span;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const step = dateStep(span);
  const lastLabelled = Math.floor((span - 1) / step) * step;
  const unit = percent ? "% of notified hosts" : "hosts";
  return (
    <figure className="chart">
      <div className="chart-controls" role="group" aria-label="Scale">
        <button type="button" className="secondary" aria-pressed={!percent} onClick={() => setPercent(false)}>
          Hosts
        </button>
        <button type="button" className="secondary" aria-pressed={percent} onClick={() => setPercent(true)}>
          Percent
        </button>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Hosts notified, answered, gone and still open, in ${unit}, over ${span} day(s) from ${days[0]?.day} to ${days.at(-1)?.day}`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="axis">
              {percent ? `${t} %` : n(t)}
            </text>
          </g>
        ))}
        <text
          x={14}
          y={PAD.top + (H - PAD.top - PAD.bottom) / 2}
          className="axis"
          textAnchor="middle"
          transform={`rotate(-90 14 ${PAD.top + (H - PAD.top - PAD.bottom) / 2})`}
        >
          {unit}
        </text>
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="axis-line" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="axis-line" />
        {days.map((d, i) =>
          i % step === 0 ? (
            <g key={d.day} data-testid="date-tick">
              <line x1={x(i)} x2={x(i)} y1={H - PAD.bottom} y2={H - PAD.bottom + 6} className="axis-line" />
              <text
                x={x(i)}
                y={H - PAD.bottom + 24}
                textAnchor={i === lastLabelled && span > 1 ? "end" : "middle"}
                className="axis"
              >
                {dayLabel(d.day, i === 0 || d.day.endsWith("-01-01"))}
              </text>
            </g>
          ) : null,
        )}
        {SERIES.map((s, si) => (
          <g key={s.key} data-series={s.key}>
            {span > 1 && (
              <polyline
                fill="none"
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={DASHES[si]}
                points={days.map((d, i) => `${x(i)},${y(value(d, s.key))}`).join(" ")}
              />
            )}
            {/* Dots while a day is wide enough to see them; one day's dots carry their figure. */}
            {span <= 45 &&
              days.map((d, i) => (
                <circle key={d.day} cx={x(i)} cy={y(value(d, s.key))} r={span > 1 ? 3 : 6} fill={s.color}>
                  <title>{`${s.label} on ${d.day}: ${n(d[s.key])}`}</title>
                </circle>
              ))}
            {span === 1 && (
              <text x={x(0) + 12 + si * 0} y={y(value(days[0]!, s.key)) + 4} className="axis" fill={s.color}>
                {`${s.label}: ${n(days[0]![s.key])}`}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {SERIES.map((s, si) => (
            <li key={s.key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} strokeWidth={2.5} strokeDasharray={DASHES[si]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
