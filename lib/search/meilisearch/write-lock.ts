import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/*
 * One writer at a time, whatever the process. Meilisearch applies tasks in the order they
 * were enqueued, not the order their rows were read: two outbox workers, or an update and
 * a rebuild filling its fresh index, could otherwise read a post in one order and send it
 * in the other, leaving the older version in the index. Writers take this lock, then read
 * the rows, then enqueue, so every index receives the versions in the order they were read.
 * Meilisearch indexes one task at a time anyway, so little parallelism is lost.
 */
const LOCK = sql`hashtext('cercle-meilisearch-writes')`;

/** Held until the surrounding transaction ends: for the outbox, the one that removes the applied rows. */
export async function takeWriteLock(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
}

/** Runs `step` in a transaction of its own, holding the lock for just that step. */
export function withWriteLock<T>(db: Db, step: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    return step(tx);
  });
}
