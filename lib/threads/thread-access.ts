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
