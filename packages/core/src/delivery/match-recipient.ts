/**
 * Which of a notice's recipients a report is about. `named`: the report names that address (as the
 * original recipient, or as the final one). `only-recipient`: it names an address the notice was not sent
 * to (a forward or alias behind the contact's address, or a bounce that names none) and the notice had a
 * single recipient, so it can only be that one. Null when neither holds: the report stays on the notice,
 * unattributed, for staff.
 */
export function matchRecipient(
  noticeRecipients: readonly string[],
  reported: { address: string | null; originalAddress?: string | null },
): { recipient: string; how: "named" | "only-recipient" } | null {
  const recipients = noticeRecipients.map((r) => r.toLowerCase());
  for (const candidate of [reported.originalAddress, reported.address]) {
    const named = candidate ? recipients.find((r) => r === candidate.toLowerCase()) : undefined;
    if (named) return { recipient: named, how: "named" };
  }
  return recipients.length === 1 ? { recipient: recipients[0]!, how: "only-recipient" } : null;
}
