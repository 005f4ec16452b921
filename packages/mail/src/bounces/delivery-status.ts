import { enhancedStatusIn, statusOfReply } from "@baken/core";
import type { DsnAction, ReportedRecipient } from "./bounce-verdict.ts";

const ACTIONS = new Set<DsnAction>(["failed", "delayed", "delivered", "relayed", "expanded"]);

/**
 * The per-recipient fields of a message/delivery-status body (RFC 3464 §2): groups of header-like
 * fields separated by blank lines, the first group about the message, the others one per recipient.
 * A group without a recipient address or a known Action is left out (a truncated report keeps what it
 * still holds whole).
 */
export function readDeliveryStatus(body: string): ReportedRecipient[] {
  const groups = body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map(fieldsOf);
  const recipients: ReportedRecipient[] = [];
  for (const fields of groups) {
    const action = fields.get("action")?.toLowerCase().split(/[\s(]/)[0] as DsnAction | undefined;
    const address = addressOf(fields.get("final-recipient")) ?? addressOf(fields.get("original-recipient"));
    if (!address || !action || !ACTIONS.has(action)) continue;
    const diagnostic = typedValue(fields.get("diagnostic-code"));
    const status =
      enhancedStatusIn(fields.get("status") ?? "") ??
      statusOfReply(diagnostic) ??
      (action === "failed" ? "5.0.0" : action === "delayed" ? "4.0.0" : "2.0.0");
    recipients.push({
      address,
      originalAddress: addressOf(fields.get("original-recipient")),
      action,
      status,
      permanent: action === "failed",
      diagnostic,
    });
  }
  return recipients;
}

/** A group's fields by lower-case name, folded lines joined; the first of a repeated field wins. */
function fieldsOf(group: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of group.split(/\n(?![ \t])/)) {
    const colon = line.indexOf(":");
    if (colon < 1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name))
      fields.set(
        name,
        line
          .slice(colon + 1)
          .replace(/\s+/g, " ")
          .trim(),
      );
  }
  return fields;
}

/** `rfc822; a@b` → `a@b` (RFC 3464 address-type ; address); `smtp; 550 ...` → `550 ...`. */
function typedValue(value: string | undefined): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(";");
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || null;
}

function addressOf(value: string | undefined): string | null {
  const address = typedValue(value)?.replace(/^<|>$/g, "").toLowerCase();
  return address?.includes("@") ? address : null;
}
