import { sql } from 'drizzle-orm';
import { intArray } from '@/db/sql-arrays';
import type { Database } from '@/db/client';
import { retryDelayMs } from '../mail/deliver-pending-mail';
import type { SearchEngine } from './engine';
import { failureReason } from '../db-errors';

type Claimed = { id: number; subject: 'post' | 'thread'; subject_id: number; attempts: number };

/**
 * Applies one batch of due outbox rows to the engine. Rows are claimed with SKIP LOCKED and
 * deleted in the transaction that applied them, so several workers never apply the same
 * row, and a worker killed mid-batch leaves its rows for the next pass. The engine
 * recomputes each subject from the current rows, so applying a row twice is harmless.
 */
export async function drainSearchOutbox(db: Database, engine: SearchEngine, batchSize = 500): Promise<{ applied: number; failed: number }> {
  let claimed: Claimed[] = [];
  try {
    return await db.transaction(async (tx) => {
      claimed = await tx.execute<Claimed>(sql`
        select id, subject, subject_id, attempts from search_outbox
        where next_attempt_at <= now() order by next_attempt_at, id limit ${batchSize} for update skip locked`);
      if (claimed.length === 0) return { applied: 0, failed: 0 };
      const of = (subject: Claimed['subject']) => [...new Set(claimed.filter((row) => row.subject === subject).map((row) => row.subject_id))];
      await engine.apply(tx, { postIds: of('post'), threadIds: of('thread') });
      await tx.execute(sql`delete from search_outbox where id = any(${intArray(claimed.map((row) => row.id))})`);
      return { applied: claimed.length, failed: 0 };
    });
  } catch (error) {
    if (claimed.length === 0) throw error;
    // The batch was rolled back: its rows wait with a growing delay and the reason, never dropped.
    await db.execute(sql`
      update search_outbox set attempts = attempts + 1, last_error = ${failureReason(error)},
        next_attempt_at = now() + make_interval(secs => ${retryDelayMs(claimed[0]!.attempts + 1) / 1000})
      where id = any(${intArray(claimed.map((row) => row.id))})`);
    return { applied: 0, failed: claimed.length };
  }
}

/** Drains until nothing is due: for tests, the reindex command and start-up. */
export async function drainAllSearchUpdates(db: Database, engine: SearchEngine): Promise<number> {
  let total = 0;
  for (;;) {
    const { applied } = await drainSearchOutbox(db, engine);
    if (applied === 0) return total;
    total += applied;
  }
}
