import { eq } from 'drizzle-orm';
import { posts } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getReadableThread } from '../threads/thread-access';

/** A post in a thread the viewer may read, with that thread and group; locked for update when asked. */
export async function getReadablePost(ctx: Ctx, postId: number, opts = { lock: false }) {
  const query = ctx.db.select().from(posts).where(eq(posts.id, postId)).limit(1);
  const [post] = await (opts.lock ? query.for('update') : query);
  if (!post) throw new NotFoundError('No such post.');
  const { thread, group } = await getReadableThread(ctx, post.threadId);
  return { post, thread, group };
}
