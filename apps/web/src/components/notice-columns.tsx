import type { NoticeRow } from "../api/index.ts";
import { dateTime, n } from "../lib/format.ts";
import { StatusBadge } from "./badges.tsx";
import type { Column } from "./data-table.tsx";

type Notice = Pick<NoticeRow, "reference" | "kind" | "status" | "hostCount" | "sentAt">;

/** The columns every table of notices shows, by name, for a table to place among its own. */
export const noticeColumns = {
  reference: { header: "Reference", mono: true, cell: (nt) => nt.reference },
  kind: { header: "Kind", cell: (nt) => nt.kind },
  status: { header: "Status", cell: (nt) => <StatusBadge status={nt.status} /> },
  hosts: { header: "Hosts", num: true, cell: (nt) => n(nt.hostCount) },
  sent: { header: "Sent", cell: (nt) => dateTime(nt.sentAt) },
} satisfies Record<string, Column<Notice>>;
