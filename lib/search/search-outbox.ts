import { sql } from 'drizzle-orm';
import { intArray } from '@/db/sql-arrays';
import type { Db } from '@/db/client';
import { searchOutbox } from '@/db/schema';

export type SearchSubject = 'post' | 'thread';

/**
 * Tells the search index that these posts or threads changed. Called inside the
 * transaction that changes them, so the index can never miss a committed change.
 */
export async function enqueueSearchUpdate(db: Db, subject: SearchSubject, ids: number | number[]): Promise<void> {
  const list = [...new Set(Array.isArray(ids) ? ids : [ids])];
  if (list.length === 0) return;
  await db.insert(searchOutbox).values(list.map((subjectId) => ({ subject, subjectId })));
}

/** Every post of these threads, for bulk changes such as an import. */
export async function enqueueSearchUpdateForThreads(db: Db, threadIds: number[]): Promise<void> {
  if (threadIds.length === 0) return;
  await db.execute(sql`
    insert into search_outbox (subject, subject_id)
    select 'post', p.id from posts p where p.thread_id = any(${intArray(threadIds)})`);
}
