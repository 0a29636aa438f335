import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/**
 * Records that a member has read a thread up to a post number; never moves backwards.
 * Re-reading a page writes nothing: the row is only touched when the number advances, so
 * a member's many tabs (or reloads) of one thread neither queue on its lock nor wait for
 * a commit to reach the disk. Answers how far they had read before, in the same statement
 * (null when they had never opened the thread).
 */
export async function markRead(db: Db, memberId: number, threadId: number, postNumber: number): Promise<number | null> {
  const [row] = await db.execute<{ before: number | null }>(sql`
    with previous as (
      select last_read_post_number from thread_reads where member_id = ${memberId} and thread_id = ${threadId}
    ), advanced as (
      update thread_reads set last_read_post_number = ${postNumber}, updated_at = now()
      where member_id = ${memberId} and thread_id = ${threadId} and last_read_post_number < ${postNumber}
    ), inserted as (
      insert into thread_reads (member_id, thread_id, last_read_post_number)
      select ${memberId}, ${threadId}, ${postNumber}
      where not exists (select 1 from previous)
      on conflict (member_id, thread_id) do update
        set last_read_post_number = greatest(thread_reads.last_read_post_number, excluded.last_read_post_number), updated_at = now()
    )
    select (select last_read_post_number from previous) as before`);
  return row?.before ?? null;
}
