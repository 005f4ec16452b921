import type { ReactNode } from "react";

export type Column<T> = {
  /** A string header also labels each cell when rows stack on a phone. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Figures: right-aligned, tabular. */
  num?: boolean;
  mono?: boolean;
  /** The header is for screen readers only (a column of links such as "Progress"). */
  hiddenHeader?: boolean;
};

/**
 * Every table of the console: a scroll container on a wide screen, and on a phone each row of more than three
 * columns stacked as a card whose cells carry their column's name (styles.css, `.stacking`), so no one
 * scrolls sideways to read a row. Two or three columns still fit side by side.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowClass,
  compact,
  label,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  rowClass?: (row: T) => string | undefined;
  compact?: boolean;
  label?: string;
}) {
  return (
    <div className="table-wrap">
      <table
        className={[columns.length > 3 && "stacking", compact && "compact"].filter(Boolean).join(" ")}
        aria-label={label}
      >
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.num ? "num" : undefined}>
                {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.header}
                  data-label={c.hiddenHeader ? undefined : c.header}
                  className={[c.num && "num", c.mono && "mono"].filter(Boolean).join(" ") || undefined}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
