import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { threadReads } from '@/db/schema';

/** Records that a member has read a thread up to a post number; never moves backwards. */
export async function markRead(db: Db, memberId: number, threadId: number, postNumber: number): Promise<void> {
  await db
    .insert(threadReads)
    .values({ memberId, threadId, lastReadPostNumber: postNumber })
    .onConflictDoUpdate({
      target: [threadReads.memberId, threadReads.threadId],
      set: {
        lastReadPostNumber: sql`greatest(${threadReads.lastReadPostNumber}, excluded.last_read_post_number)`,
        updatedAt: sql`now()`,
      },
    });
}
