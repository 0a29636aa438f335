import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { threads } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
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

/**
 * Locks a thread's row until the transaction ends and answers what a new post depends on:
 * its state then, and the number the next post takes. Null when it is gone.
 */
export async function lockThreadForPosting(db: Db, threadId: number) {
  const [row] = await db
    .select({
      groupId: threads.groupId, lastPostNumber: threads.lastPostNumber, closed: threads.closed, archived: threads.archived, deletedAt: threads.deletedAt,
      closeAt: threads.closeAt, closeAfterIdleDays: threads.closeAfterIdleDays, lastPostedAt: threads.lastPostedAt,
    })
    .from(threads)
    .where(eq(threads.id, threadId))
    .for('update');
  return row && !row.deletedAt ? row : null;
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
