/** Whether `err` is PostgreSQL's unique_violation: a row that a unique index already holds. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === "23505";
