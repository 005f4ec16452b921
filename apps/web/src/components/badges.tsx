import type { ReactNode } from "react";
import type { OrgRef } from "../api/index.ts";
import { tlpLabel } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";

export const TlpBadge = ({ tlp }: { tlp: string }) => <span className={`tlp tlp-${tlp}`}>{tlpLabel(tlp)}</span>;

/** A state word in its colour (notice, report, host); `label` when the shown word differs from the code. */
export const StatusBadge = ({ status, label }: { status: string; label?: ReactNode }) => (
  <span className={`status status-${status}`}>{label ?? status}</span>
);

/** An organization's name, linked when it has a record. */
export const OrgLink = ({ org }: { org: { id: string | null; name: string } | OrgRef }) =>
  org.id ? <Link to={`/organizations/${org.id}`}>{org.name}</Link> : <>{org.name}</>;
