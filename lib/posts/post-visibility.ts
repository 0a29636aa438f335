import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { groups, posts, threads } from '@/db/schema';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { recordModeration } from '../moderation/record-moderation';

type Target = { post: { id: number; number: number; authorId: number }; threadId: number; groupId: number };

/**
 * Deletes (soft) or restores a post with everything that follows from it, in the caller's
 * transaction: the counters lists show, the search index (through its outbox), and, when
 * someone other than the author acts (a moderator), a moderation-log entry.
 */
export async function setPostDeleted(tx: Tx, target: Target, actorId: number, deleted: boolean, reason: string | null): Promise<void> {
  const delta = deleted ? -1 : 1;
  await tx
    .update(posts)
    .set(deleted ? { deletedAt: sql`now()`, deletedById: actorId } : { deletedAt: null, deletedById: null })
    .where(eq(posts.id, target.post.id));
  // The opening post is not a reply: it never counted in reply_count.
  if (target.post.number > 1) {
    await tx.update(threads).set({ replyCount: sql`${threads.replyCount} + ${delta}` }).where(eq(threads.id, target.threadId));
  }
  await tx.update(groups).set({ postCount: sql`${groups.postCount} + ${delta}` }).where(eq(groups.id, target.groupId));
  await enqueueSearchUpdate(tx, 'post', target.post.id);
  if (actorId !== target.post.authorId) {
    await recordModeration(tx, {
      groupId: target.groupId,
      actorId,
      action: deleted ? 'delete_post' : 'restore_post',
      threadId: target.threadId,
      postId: target.post.id,
      reason,
    });
  }
}
