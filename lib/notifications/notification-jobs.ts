import { sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { intArray } from '@/db/sql-arrays';
import { notificationJobs } from '@/db/schema';
import { failureReason } from '../db-errors';
import { retryDelayMs } from '../mail/deliver-pending-mail';
import { startRepeatingTask } from '../repeating-task';
import { fanOutPosts } from './fan-out';

/** Called in the transaction that writes the post, so no committed post goes untold and posting never waits for the fan-out. */
export async function enqueueNotificationJob(db: Db, postId: number, { mentionsOnly = false } = {}): Promise<void> {
  await db.insert(notificationJobs).values({ postId, mentionsOnly });
}

type Claimed = { id: number; post_id: number; mentions_only: boolean; attempts: number };

/** Jobs fanned out together: the fan-out's cost is mostly per batch, not per post. */
const BATCH_SIZE = 100;

/**
 * Fans out a batch of due jobs in one transaction: claimed with SKIP LOCKED so several
 * workers share the queue, deleted with the notifications they wrote. When the batch fails,
 * its jobs run one by one, so a failing job waits alone (with a growing delay and its
 * reason) and the others go on.
 */
async function runDueJobs(db: Database, limit: number): Promise<number> {
  try {
    return await claimAndFanOut(db, limit);
  } catch {
    let ran = 0;
    while (ran < limit && (await runOneJob(db))) ran++;
    return ran;
  }
}

async function claimAndFanOut(db: Database, limit: number, onClaimed?: (job: Claimed) => void): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<Claimed>(sql`
      select id, post_id, mentions_only, attempts from ${notificationJobs} where next_attempt_at <= now()
      order by next_attempt_at, id limit ${limit} for update skip locked`);
    claimed.forEach((job) => onClaimed?.(job));
    if (claimed.length === 0) return 0;
    await fanOutPosts(tx, claimed.map((job) => ({ postId: job.post_id, mentionsOnly: job.mentions_only })));
    await tx.execute(sql`delete from ${notificationJobs} where id = any(${intArray(claimed.map((job) => job.id))})`);
    return claimed.length;
  });
}

async function runOneJob(db: Database): Promise<boolean> {
  let claimed: Claimed | undefined;
  try {
    return (await claimAndFanOut(db, 1, (job) => (claimed = job))) > 0;
  } catch (error) {
    if (!claimed) throw error;
    await db.execute(sql`
      update ${notificationJobs} set attempts = attempts + 1, last_error = ${failureReason(error)},
        next_attempt_at = now() + make_interval(secs => ${retryDelayMs(claimed.attempts + 1) / 1000})
      where id = ${claimed.id}`);
    return true;
  }
}

/** Runs due jobs until none is left (or about `limit` ran): for the worker and for tests. */
export async function drainNotificationJobs(db: Database, limit = 500): Promise<number> {
  let ran = 0;
  for (;;) {
    const batch = await runDueJobs(db, Math.min(BATCH_SIZE, limit - ran));
    ran += batch;
    if (batch === 0 || ran >= limit) return ran;
  }
}

export function startNotificationWorker(db: Database, intervalMs = 1_000): () => Promise<void> {
  return startRepeatingTask('notifications', intervalMs, () => drainNotificationJobs(db));
}
