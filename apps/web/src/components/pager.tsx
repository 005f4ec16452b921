import type { Page } from "../api/index.ts";
import { n } from "../lib/format.ts";

export function Pager({ page, onPage }: { page: Page<unknown>; onPage: (p: number) => void }) {
  const next = page.page * page.pageSize < page.total;
  if (page.page === 1 && !next) return <p className="muted">{n(page.total)} in all.</p>;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        Previous
      </button>
      <span>
        Page {page.page} · {n(page.total)} in all
      </span>
      <button type="button" className="secondary" disabled={!next} onClick={() => onPage(page.page + 1)}>
        Next
      </button>
    </nav>
  );
}
