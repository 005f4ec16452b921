import type { Page } from "../api/index.ts";
import { n } from "../lib/format.ts";

const hasNext = (p: Page<unknown>) =>
  p.pageSize ? (p.total !== null ? p.page * p.pageSize < p.total : p.items.length >= p.pageSize) : false;

export function Pager({ page, onPage }: { page: Page<unknown>; onPage: (p: number) => void }) {
  const next = hasNext(page);
  if (page.page === 1 && !next) return page.total !== null ? <p className="muted">{n(page.total)} in all.</p> : null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        Previous
      </button>
      <span>
        Page {page.page}
        {page.total !== null && ` · ${n(page.total)} in all`}
      </span>
      <button type="button" className="secondary" disabled={!next} onClick={() => onPage(page.page + 1)}>
        Next
      </button>
    </nav>
  );
}
