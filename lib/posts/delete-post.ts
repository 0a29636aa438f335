import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canDeletePost } from '../permissions';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { moderationReason, recordId } from './post-schemas';
import { setPostDeleted } from './post-visibility';

export const deletePostSchema = z.object({ postId: recordId, reason: moderationReason });

/**
 * Soft-deletes a post, by its author or a moderator of its group: it keeps its number (so
 * numbering stays gap-free and links stay valid) and shows as deleted; the text stays for
 * moderators' records and a possible restore.
 */
export async function deletePost(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; number: number }> {
  const { postId, reason } = parseInput(deletePostSchema, input);
  const actor = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: actor }, postId, { lock: true });
    if (thread.archived) throw new ConflictError('This thread is archived: its posts are kept as they are.');
    if (post.deletedAt) throw new ConflictError('This post is already deleted.');
    if (!canDeletePost(actor, group, post)) throw new ForbiddenError('You can only delete your own posts.');
    await setPostDeleted(tx, { post, threadId: thread.id, groupId: group.id }, actor.id, true, reason ?? null);
    return { threadId: thread.id, number: post.number };
  });
}
