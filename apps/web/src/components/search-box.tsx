import { useState } from "react";
import { navigate, useLocation } from "../lib/router.tsx";

/** The search on every page: an address, a network, a name, an e-mail or a reference, answered at /search. */
export function SearchBox() {
  const { path, search } = useLocation();
  const [q, setQ] = useState(path === "/search" ? (search.get("q") ?? "") : "");
  return (
    <form
      className="search-box"
      role="search"
      aria-label="Search everything"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
      }}
    >
      <label htmlFor="global-search" className="visually-hidden">
        Search
      </label>
      <input
        id="global-search"
        type="search"
        placeholder="IP, network, host, e-mail, reference, organization…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}
