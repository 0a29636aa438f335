import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { threads } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import type { ThreadState } from '../permissions';
import { getReadableGroup } from '../groups/group-access';

const threadById = preparedQuery((db) => db.select().from(threads).where(eq(threads.id, sql.placeholder('id'))).limit(1).prepare('thread_by_id'));

/**
 * A thread the viewer may read, with its group and the viewer's role there. Missing,
 * deleted and unreadable threads all answer "not found" alike.
 * With `lock`, the thread row stays locked until the transaction ends.
 */
export async function getReadableThread(ctx: Ctx, threadId: number, opts = { lock: false }) {
  const [thread] = opts.lock ? await ctx.db.select().from(threads).where(eq(threads.id, threadId)).limit(1).for('update') : await threadById(ctx.db).execute({ id: threadId });
  if (!thread || thread.deletedAt) throw new NotFoundError('No such thread.');
  const group = await getReadableGroup(ctx, { id: thread.groupId });
  return { thread, group };
}

type PostingState = ThreadState & { groupId: number };

/**
 * Locks a thread's row until the transaction ends and answers what a new post depends on:
 * its state and group then. Null when it is gone. Plain SQL: every
 * reply runs it, and drizzle's builder would cost the server more than PostgreSQL's part.
 */
export async function lockThreadForPosting(db: Db, threadId: number): Promise<PostingState | null> {
  const [row] = await db.execute<{
    group_id: number; closed: boolean; archived: boolean; deleted_at: string | null;
    close_at: string | null; close_after_idle_days: number | null; last_posted_at: string;
  }>(sql`
    select group_id, closed, archived, deleted_at, close_at, close_after_idle_days, last_posted_at
    from ${threads} where id = ${threadId} for update`);
  if (!row || row.deleted_at) return null;
  return {
    groupId: row.group_id, closed: row.closed, archived: row.archived, deletedAt: null,
    closeAt: row.close_at === null ? null : new Date(row.close_at), closeAfterIdleDays: row.close_after_idle_days, lastPostedAt: new Date(row.last_posted_at),
  };
}

/**
 * Where a merged thread's old links lead: the thread it was merged into, when the viewer may
 * read that thread; otherwise null, and the old address answers "not found" as before.
 */
export async function mergedThreadTarget(ctx: Ctx, threadId: number): Promise<number | null> {
  const [row] = await ctx.db.select({ into: threads.mergedIntoId }).from(threads).where(eq(threads.id, threadId)).limit(1);
  if (!row?.into) return null;
  try {
    return (await getReadableThread(ctx, row.into)).thread.id;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
