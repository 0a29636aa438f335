import { and, eq, isNull, sql } from 'drizzle-orm';
import { postFlags, posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { recordModeration } from '../moderation/record-moderation';
import { canModerateGroup } from '../permissions';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { postActionSchema } from './post-schemas';

const RULES = {
  hide: { stale: 'This post is already hidden.', action: 'hide_post', resolution: 'agreed' },
  unhide: { stale: 'This post is not hidden.', action: 'unhide_post', resolution: 'disagreed' },
} as const;

/**
 * A moderator hides a post from everyone but its author and the moderators, or shows it
 * again, flags or not. Open flags on it are settled by the same decision (hiding agrees with
 * them, showing it again disagrees), the search index follows, and the author is told why.
 */
async function changeHidden(ctx: SignedInCtx, input: unknown, change: keyof typeof RULES): Promise<{ threadId: number; number: number }> {
  const { postId, reason } = parseInput(postActionSchema, input);
  const moderator = ctx.viewer;
  const rules = RULES[change];
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: moderator }, postId, { lock: true });
    if (!canModerateGroup(moderator, group)) throw new ForbiddenError('Only the moderators of this group can do that.');
    if (post.deletedAt) throw new ConflictError('This post was deleted: restore it first.');
    if ((post.hiddenAt !== null) === (change === 'hide')) throw new ConflictError(rules.stale);
    await tx.update(posts).set({ hiddenAt: change === 'hide' ? sql`now()` : null }).where(eq(posts.id, post.id));
    await tx
      .update(postFlags)
      .set({ resolvedAt: sql`now()`, resolvedById: moderator.id, resolution: rules.resolution })
      .where(and(eq(postFlags.postId, post.id), isNull(postFlags.resolvedAt)));
    await enqueueSearchUpdate(tx, 'post', post.id);
    await recordModeration(tx, { groupId: group.id, actorId: moderator.id, action: rules.action, threadId: thread.id, postId: post.id, reason: reason ?? null });
    return { threadId: thread.id, number: post.number };
  });
}

export function hidePost(ctx: SignedInCtx, input: unknown) {
  return changeHidden(ctx, input, 'hide');
}

export function unhidePost(ctx: SignedInCtx, input: unknown) {
  return changeHidden(ctx, input, 'unhide');
}
