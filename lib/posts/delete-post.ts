import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, posts, threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canDeletePost } from '../permissions';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { recordId } from './post-schemas';

export const deletePostSchema = z.object({ postId: recordId });

/**
 * Soft-deletes a post: it keeps its number (so numbering stays gap-free and links
 * stay valid) and shows as "deleted by author"; the text stays for moderators' records.
 */
export async function deletePost(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; number: number }> {
  const { postId } = parseInput(deletePostSchema, input);
  const actor = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: actor }, postId, { lock: true });
    if (thread.archived) throw new ConflictError('This thread is archived: its posts are kept as they are.');
    if (post.deletedAt) throw new ConflictError('This post is already deleted.');
    if (!canDeletePost(actor, group, post)) throw new ForbiddenError('You can only delete your own posts.');
    await tx.update(posts).set({ deletedAt: sql`now()`, deletedById: actor.id }).where(eq(posts.id, post.id));
    await enqueueSearchUpdate(tx, 'post', post.id);
    if (post.number > 1) {
      await tx.update(threads).set({ replyCount: sql`${threads.replyCount} - 1` }).where(eq(threads.id, thread.id));
    }
    await tx.update(groups).set({ postCount: sql`${groups.postCount} - 1` }).where(eq(groups.id, group.id));
    return { threadId: thread.id, number: post.number };
  });
}
