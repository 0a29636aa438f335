/** True when a write failed on the named unique constraint (PostgreSQL 23505), however drizzle wrapped it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string };
    if (pg.code === '23505' && pg.constraint_name === constraint) return true;
  }
  return false;
}

/**
 * Why a background job failed, for its `last_error`: the innermost cause, because drizzle wraps
 * PostgreSQL's own message in one that only repeats the query.
 */
export function failureReason(error: unknown): string {
  let e = error;
  while (e && typeof e === 'object' && (e as { cause?: unknown }).cause) e = (e as { cause: unknown }).cause;
  return String(e).slice(0, 500);
}
