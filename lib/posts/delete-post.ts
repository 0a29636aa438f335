import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canDeletePost, canRestorePost } from '../permissions';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { postActionSchema } from './post-schemas';
import { setPostDeleted } from './post-visibility';


const RULES = {
  delete: { stale: 'This post is already deleted.', allowed: canDeletePost, refused: 'You can only delete your own posts.' },
  restore: { stale: 'This post is not deleted.', allowed: canRestorePost, refused: 'Only the moderators of this group can restore this post.' },
} as const;

async function changeDeletion(ctx: SignedInCtx, input: unknown, change: keyof typeof RULES): Promise<{ threadId: number; number: number }> {
  const { postId, reason } = parseInput(postActionSchema, input);
  const actor = ctx.viewer;
  const rules = RULES[change];
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: actor }, postId, { lock: true });
    if (thread.archived) throw new ConflictError('This thread is archived: its posts are kept as they are.');
    if ((post.deletedAt !== null) === (change === 'delete')) throw new ConflictError(rules.stale);
    if (!rules.allowed(actor, group, post)) throw new ForbiddenError(rules.refused);
    await setPostDeleted(tx, { post, threadId: thread.id, groupId: group.id }, actor.id, change === 'delete', reason ?? null);
    return { threadId: thread.id, number: post.number };
  });
}

/**
 * Soft-deletes a post, by its author or a moderator of its group: it keeps its number (so
 * numbering stays gap-free and links stay valid) and shows as deleted; the text stays for
 * moderators' records and a possible restore.
 */
export function deletePost(ctx: SignedInCtx, input: unknown) {
  return changeDeletion(ctx, input, 'delete');
}

/** Brings a deleted post back where it was: by a moderator of its group, or by an author who deleted it themselves. */
export function restorePost(ctx: SignedInCtx, input: unknown) {
  return changeDeletion(ctx, input, 'restore');
}
