/** Who did it, for the audit trail: a staff user, or a member of the public (no id) from an address. */
export type Actor = { id: string | null; email?: string; ip?: string };
