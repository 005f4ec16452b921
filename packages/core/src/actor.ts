/**
 * Who did it, for the audit trail: a staff user, or a member of the public (no id) from an address. A staff
 * user acting through an API token is that token's creator, with `tokenId` naming the token.
 */
export type Actor = { id: string | null; email?: string; ip?: string; tokenId?: string | null };
