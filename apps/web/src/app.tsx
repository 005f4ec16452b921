import { useEffect, type ReactNode } from "react";
import { Layout } from "./components/layout.tsx";
import { Empty } from "./components/status.tsx";
import { Link, matchPath, navigate, useLocation } from "./lib/router.tsx";
import { AuditPage } from "./pages/audit.tsx";
import { CampaignDetailPage } from "./pages/campaign-detail.tsx";
import { CampaignProgressPage } from "./pages/campaign-progress.tsx";
import { CampaignsPage, NewCampaignPage } from "./pages/campaigns.tsx";
import { ContactOverridesPage } from "./pages/contact-overrides.tsx";
import { ContactsToFixPage } from "./pages/contacts-to-fix.tsx";
import { FeedDetailPage } from "./pages/feed-detail.tsx";
import { FeedsPage, NewFeedPage } from "./pages/feeds.tsx";
import { ListDetailPage } from "./pages/list-detail.tsx";
import { ListsPage } from "./pages/lists.tsx";
import { NoticeDetailPage } from "./pages/notice-detail.tsx";
import { OverviewPage } from "./pages/overview.tsx";
import { SearchPage } from "./pages/search.tsx";
import { SignalsPage } from "./pages/signals.tsx";
import { NewOrganizationPage, OrganizationDetailPage } from "./pages/organization-detail.tsx";
import { OrganizationsPage } from "./pages/organizations.tsx";
import { ReportDetailPage } from "./pages/report-detail.tsx";
import { ReportsPage } from "./pages/reports.tsx";
import { RipeImportsPage } from "./pages/ripe-imports.tsx";
import { SignInPage } from "./pages/sign-in.tsx";
import { StaffPage } from "./pages/staff.tsx";
import { TokensPage } from "./pages/tokens.tsx";
import { hasRole, SessionGate, useSession } from "./session.tsx";

type Route = {
  path: string;
  title: string;
  /** Admins only: what others are told instead. */
  admin?: string;
  render: (p: Record<string, string>) => ReactNode;
};

// Literal paths before parameterised ones: "/campaigns/new" is not a campaign id.
const ROUTES: Route[] = [
  { path: "/signals", title: "Signals", render: () => <SignalsPage /> },
  { path: "/overview", title: "Overview", render: () => <OverviewPage /> },
  { path: "/search", title: "Search", render: () => <SearchPage /> },
  { path: "/notices/:id", title: "Notice", render: (p) => <NoticeDetailPage id={p.id!} /> },
  { path: "/lists", title: "Lists", render: () => <ListsPage /> },
  { path: "/lists/:id", title: "List", render: (p) => <ListDetailPage id={p.id!} /> },
  { path: "/organizations", title: "Organizations", render: () => <OrganizationsPage /> },
  {
    path: "/organizations/new",
    title: "New organization",
    admin:
      "Only administrators change the organization registry. A list's unmatched rows can be assigned to an existing organization from the list's page.",
    render: () => <NewOrganizationPage />,
  },
  { path: "/organizations/:id", title: "Organization", render: (p) => <OrganizationDetailPage id={p.id!} /> },
  { path: "/contacts-to-fix", title: "Contacts to fix", render: () => <ContactsToFixPage /> },
  { path: "/range-contacts", title: "Range contacts", render: () => <ContactOverridesPage /> },
  { path: "/ripe-imports", title: "RIPE imports", render: () => <RipeImportsPage /> },
  { path: "/campaigns", title: "Campaigns", render: () => <CampaignsPage /> },
  { path: "/campaigns/new", title: "New campaign", render: () => <NewCampaignPage /> },
  { path: "/campaigns/:id", title: "Campaign", render: (p) => <CampaignDetailPage id={p.id!} /> },
  { path: "/campaigns/:id/progress", title: "Progress", render: (p) => <CampaignProgressPage id={p.id!} /> },
  { path: "/feeds", title: "Feeds", render: () => <FeedsPage /> },
  {
    path: "/feeds/new",
    title: "New feed",
    admin: "Feeds hold an account's credentials and decide which campaign reports join: administrators set them up.",
    render: () => <NewFeedPage />,
  },
  { path: "/feeds/:id", title: "Feed", render: (p) => <FeedDetailPage id={p.id!} /> },
  { path: "/reports", title: "Incident reports", render: () => <ReportsPage /> },
  { path: "/reports/:id", title: "Incident report", render: (p) => <ReportDetailPage id={p.id!} /> },
  { path: "/audit", title: "Audit log", admin: "The audit log is for administrators.", render: () => <AuditPage /> },
  {
    path: "/staff",
    title: "Staff",
    admin: "Staff accounts are managed by administrators.",
    render: () => <StaffPage />,
  },
  {
    path: "/tokens",
    title: "API tokens",
    admin: "API tokens are managed by administrators.",
    render: () => <TokensPage />,
  },
];

function Pages() {
  const { path } = useLocation();
  const { staff } = useSession();
  const found = ROUTES.map((r) => ({ r, params: matchPath(r.path, path) })).find((m) => m.params);

  useEffect(() => {
    if (path === "/" || path === "") navigate("/signals", { replace: true });
  }, [path]);
  useEffect(() => {
    document.title = `${found?.r.title ?? "Not found"} · Baken`;
    // Move focus to the new page's content, so screen-reader and keyboard users start at the top of it.
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [path, found?.r.title]);

  if (!found) {
    return (
      <Empty>
        <h1>Page not found</h1>
        <p>
          Nothing at {path}. <Link to="/signals">Go to the signals</Link>.
        </p>
      </Empty>
    );
  }
  if (found.r.admin && !hasRole(staff, "admin")) {
    return (
      <Empty>
        <h1>Admins only</h1>
        <p>{found.r.admin}</p>
      </Empty>
    );
  }
  // A key per path: moving to another record starts its page afresh.
  return <div key={path}>{found.r.render(found.params!)}</div>;
}

export function App() {
  return (
    <SessionGate signIn={(props) => <SignInPage {...props} />}>
      <Layout>
        <Pages />
      </Layout>
    </SessionGate>
  );
}
