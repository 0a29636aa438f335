import { sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { notificationJobs } from '@/db/schema';
import { retryDelayMs } from '../mail/deliver-pending-mail';
import { startRepeatingTask } from '../repeating-task';
import { fanOutPost } from './fan-out';

/** Called in the transaction that writes the post, so no committed post goes untold and posting never waits for the fan-out. */
export async function enqueueNotificationJob(db: Db, postId: number, { mentionsOnly = false } = {}): Promise<void> {
  await db.insert(notificationJobs).values({ postId, mentionsOnly });
}

type Claimed = { id: number; post_id: number; mentions_only: boolean; attempts: number };

/**
 * Fans out one due job in its own transaction: claimed with SKIP LOCKED so several workers
 * share the queue, deleted with the notifications it wrote. A failing job waits with a
 * growing delay and its reason, and the others go on.
 */
async function runOneJob(db: Database): Promise<boolean> {
  let claimed: Claimed | undefined;
  try {
    return await db.transaction(async (tx) => {
      [claimed] = await tx.execute<Claimed>(sql`
        select id, post_id, mentions_only, attempts from ${notificationJobs} where next_attempt_at <= now()
        order by next_attempt_at, id limit 1 for update skip locked`);
      if (!claimed) return false;
      await fanOutPost(tx, claimed.post_id, { mentionsOnly: claimed.mentions_only });
      await tx.execute(sql`delete from ${notificationJobs} where id = ${claimed.id}`);
      return true;
    });
  } catch (error) {
    if (!claimed) throw error;
    await db.execute(sql`
      update ${notificationJobs} set attempts = attempts + 1, last_error = ${String(error).slice(0, 500)},
        next_attempt_at = now() + make_interval(secs => ${retryDelayMs(claimed.attempts + 1) / 1000})
      where id = ${claimed.id}`);
    return true;
  }
}

/** Runs due jobs until none is left (or `limit` ran): for the worker and for tests. */
export async function drainNotificationJobs(db: Database, limit = 500): Promise<number> {
  let ran = 0;
  while (ran < limit && (await runOneJob(db))) ran++;
  return ran;
}

export function startNotificationWorker(db: Database, intervalMs = 1_000): () => Promise<void> {
  return startRepeatingTask('notifications', intervalMs, () => drainNotificationJobs(db));
}
