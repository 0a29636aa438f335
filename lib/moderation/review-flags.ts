import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { postFlags, posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import type { Db } from '@/db/client';
import type { Viewer } from '../context';
import type { GroupWithAccess } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { getReadablePost } from '../posts/post-access';
import { moderationReason, recordId } from '../posts/post-schemas';
import { setPostDeleted } from '../posts/post-visibility';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { penaltyEnd, penaltySchema } from './penalty-schemas';
import { assertMaySilence, silenceInGroup } from './silence-member';
import { recordModeration } from './record-moderation';

/** Agree (hide or delete the post), disagree (the post stays, or comes back), or defer (close the flags, change nothing). */
export const REVIEW_DECISIONS = ['hide', 'delete', 'disagree', 'defer'] as const;

export const reviewFlagsSchema = z.object({
  postId: recordId,
  decision: z.enum(REVIEW_DECISIONS, 'Choose what to do with the flagged post.'),
  reason: moderationReason,
  /** On agreeing, also silence the author in the group for this many days (an empty choice: no). */
  silenceDays: z.preprocess((v) => (v === '' || v === '0' ? undefined : v), penaltySchema.shape.days.optional()),
});

const RESOLUTION = { hide: 'agreed', delete: 'agreed', disagree: 'disagreed', defer: 'deferred' } as const;
const LOGGED = { hide: 'hide_post', disagree: 'disagree_flags', defer: 'defer_flags' } as const;

/** A moderator's review of a flagged post: the decision, the flags closed, and the log entry, in one transaction. */
export async function reviewFlags(ctx: SignedInCtx, input: unknown): Promise<{ groupSlug: string }> {
  const { postId, decision, reason, silenceDays } = parseInput(reviewFlagsSchema, input);
  if (silenceDays && !(decision === 'hide' || decision === 'delete')) throw new InvalidInputError('Silence the author only when you agree with the flags.', { silenceDays: ['Agree with the flags, or do not silence.'] });
  if (silenceDays && !reason) throw new InvalidInputError('Say why: the member is shown the reason.', { reason: ['Give a reason.'] });
  const moderator = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: moderator }, postId, { lock: true });
    if (!canModerateGroup(moderator, group)) throw new ForbiddenError('Only the moderators of this group can do that.');
    if ((decision === 'hide' || decision === 'delete') && post.deletedAt) throw new ConflictError('This post is already deleted.');
    const resolved = await tx
      .update(postFlags)
      .set({ resolvedAt: sql`now()`, resolvedById: moderator.id, resolution: RESOLUTION[decision] })
      .where(and(eq(postFlags.postId, post.id), isNull(postFlags.resolvedAt)))
      .returning({ id: postFlags.id });
    if (resolved.length === 0) throw new ConflictError('This post has no flags waiting for review.');
    const target = { post, threadId: thread.id, groupId: group.id };
    if (silenceDays) await silenceAuthor(tx, moderator, group, post.authorId, silenceDays, reason!);
    if (decision === 'delete') {
      await setPostDeleted(tx, target, moderator.id, true, reason ?? null);
      return { groupSlug: group.slug };
    }
    // Hiding shows the post to its author and the moderators only; disagreeing shows it to everyone again.
    if (decision !== 'defer') {
      await tx.update(posts).set({ hiddenAt: decision === 'hide' ? sql`coalesce(${posts.hiddenAt}, now())` : null }).where(eq(posts.id, post.id));
      await enqueueSearchUpdate(tx, 'post', post.id);
    }
    await recordModeration(tx, { groupId: group.id, actorId: moderator.id, action: LOGGED[decision], threadId: thread.id, postId: post.id, reason: reason ?? null });
    return { groupSlug: group.slug };
  });
}

async function silenceAuthor(tx: Db, moderator: Viewer, group: GroupWithAccess, authorId: number, days: number, reason: string): Promise<void> {
  await assertMaySilence(tx, moderator, group, authorId);
  await silenceInGroup(tx, { groupId: group.id, memberId: authorId, moderatorId: moderator.id, until: penaltyEnd(days), reason });
}
