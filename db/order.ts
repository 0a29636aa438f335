import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * Newest (largest) first, in the order drizzle-kit gives a descending index key: DESC NULLS
 * LAST. Plain `desc()` means DESC NULLS FIRST, which such an index cannot return, so Postgres
 * would read every match and sort it (all 6,000 threads of a busy group for its first page).
 */
export const descNullsLast = (column: AnyColumn): SQL => sql`${column} desc nulls last`;
