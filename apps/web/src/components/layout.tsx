import { useState, type ReactNode } from "react";
import { Link, useLocation } from "../lib/router.tsx";
import { hasRole, useSession } from "../session.tsx";
import { SearchBox } from "./search-box.tsx";
import { SignalCount } from "./signal-count.tsx";

const SECTIONS = [
  { to: "/signals", label: "Signals" },
  { to: "/overview", label: "Overview" },
  { to: "/lists", label: "Lists" },
  { to: "/organizations", label: "Organizations" },
  { to: "/contacts-to-fix", label: "Contacts to fix" },
  { to: "/range-contacts", label: "Range contacts" },
  { to: "/ripe-imports", label: "RIPE imports" },
  { to: "/campaigns", label: "Campaigns" },
  { to: "/feeds", label: "Feeds" },
  { to: "/reports", label: "Incident reports" },
];

const ADMIN_SECTIONS = [
  { to: "/staff", label: "Staff" },
  { to: "/tokens", label: "API tokens" },
  { to: "/audit", label: "Audit log" },
];

export function Layout({ children }: { children: ReactNode }) {
  const { staff, settings, signOut } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const sections = hasRole(staff, "admin") ? [...SECTIONS, ...ADMIN_SECTIONS] : SECTIONS;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/signals" className="brand">
          {settings.certName} <span className="brand-sub">console</span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? "open" : undefined}>
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                <Link
                  to={s.to}
                  aria-current={path.startsWith(s.to) ? "page" : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {s.label}
                  {s.to === "/signals" && <SignalCount path={path} />}
                </Link>
              </li>
            ))}
            {settings.mailCatcherUrl && (
              <li>
                <a href={settings.mailCatcherUrl} target="_blank" rel="noreferrer">
                  Caught mail ↗
                </a>
              </li>
            )}
          </ul>
          <div className="who">
            <span title={staff.email}>
              {staff.name || staff.email} <span className="role-badge">{staff.role}</span>
            </span>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </nav>
        <SearchBox key={path === "/search" ? "search" : "elsewhere"} />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A page's title with the action beside it (a "New …" link, an edit button). */
export const PageHead = ({ title, children }: { title: ReactNode; children?: ReactNode }) => (
  <div className="page-head">
    <h1>{title}</h1>
    {children}
  </div>
);
