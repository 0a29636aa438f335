import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/**
 * Closes the threads whose scheduled close has come, each with a moderation-log entry in the
 * name of the moderator who scheduled it and a search-outbox row, in one statement. Due rows
 * are claimed with SKIP LOCKED, so several workers never close a thread twice.
 */
export async function closeDueThreads(db: Db): Promise<number> {
  const closed = await db.execute<{ id: number }>(sql`
    with due as (
      select id, group_id, close_scheduled_by_id from threads
      where (close_at is not null or close_after_idle_days is not null)
        and not closed and deleted_at is null
        and coalesce(close_at, last_posted_at + make_interval(days => close_after_idle_days)) <= now()
      for update skip locked
    ), closed as (
      update threads t set closed = true, close_at = null, close_after_idle_days = null, close_scheduled_by_id = null
      from due where t.id = due.id
      returning t.id, due.group_id, due.close_scheduled_by_id as actor_id
    ), logged as (
      insert into moderation_log (group_id, actor_id, action, thread_id)
      select group_id, actor_id, 'scheduled_close', id from closed where actor_id is not null
    )
    insert into search_outbox (subject, subject_id) select 'thread', id from closed returning subject_id as id`);
  return closed.length;
}
