import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { RateLimitedError } from './errors';

export type Limit = { max: number; windowSeconds: number };

function windowOf(limit: Limit, now = Date.now()) {
  const ms = limit.windowSeconds * 1000;
  const start = Math.floor(now / ms) * ms;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now) / 1000)) };
}

/** `message` is a sentence of its own, so each language can translate both parts (i18n/domain-messages.ts). */
export function withWait(message: string, seconds: number): string {
  return seconds < 90 ? `${message} Try again in ${seconds} seconds.` : `${message} Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

/** Refuses with a friendly RateLimitedError when `bucket` already reached its limit in the current window. */
export async function assertUnderLimit(db: Db, bucket: string, limit: Limit, message: string): Promise<void> {
  const { start, retryAfterSeconds } = windowOf(limit);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, start)));
  if (row && row.hits >= limit.max) {
    throw new RateLimitedError(withWait(message, retryAfterSeconds), retryAfterSeconds);
  }
}

/** Counts one hit against `bucket`; atomic, so concurrent requests in several processes all count. */
export async function recordHit(db: Db, bucket: string, limit: Limit): Promise<void> {
  const { start } = windowOf(limit);
  await db
    .insert(rateLimits)
    .values({ bucket, windowStart: start, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } });
}
