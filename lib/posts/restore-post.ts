import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canRestorePost } from '../permissions';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { moderationReason, recordId } from './post-schemas';
import { setPostDeleted } from './post-visibility';

export const restorePostSchema = z.object({ postId: recordId, reason: moderationReason });

/** Brings a deleted post back where it was: by a moderator of its group, or by an author who deleted it themselves. */
export async function restorePost(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; number: number }> {
  const { postId, reason } = parseInput(restorePostSchema, input);
  const actor = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: actor }, postId, { lock: true });
    if (thread.archived) throw new ConflictError('This thread is archived: its posts are kept as they are.');
    if (!post.deletedAt) throw new ConflictError('This post is not deleted.');
    if (!canRestorePost(actor, group, post)) throw new ForbiddenError('Only the moderators of this group can restore this post.');
    await setPostDeleted(tx, { post, threadId: thread.id, groupId: group.id }, actor.id, false, reason ?? null);
    return { threadId: thread.id, number: post.number };
  });
}
