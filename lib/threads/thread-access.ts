import { eq } from 'drizzle-orm';
import { threads } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';

/**
 * A thread the viewer may read, with its group and the viewer's role there. Missing,
 * deleted and unreadable threads all answer "not found" alike.
 * With `lock`, the thread row stays locked until the transaction ends.
 */
export async function getReadableThread(ctx: Ctx, threadId: number, opts = { lock: false }) {
  const query = ctx.db.select().from(threads).where(eq(threads.id, threadId)).limit(1);
  const [thread] = await (opts.lock ? query.for('update') : query);
  if (!thread || thread.deletedAt) throw new NotFoundError('No such thread.');
  const group = await getReadableGroup(ctx, { id: thread.groupId });
  return { thread, group };
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
