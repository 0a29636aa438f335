import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { postFlags, posts } from '@/db/schema';
import type { Tx } from '@/db/client';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canFlagPost } from '../permissions';
import { getReadablePost } from '../posts/post-access';
import { recordId } from '../posts/post-schemas';
import { assertUnderLimit, recordHit } from '../rate-limit';
import { FLAG_LIMIT, FLAG_NOTE_MAX_LENGTH, FLAGGER_TRUSTED_AFTER_DAYS, FLAGS_TO_HIDE } from '../rules';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { FLAG_REASONS } from './flag-reasons';
import { recordModeration } from './record-moderation';

export const flagPostSchema = z
  .object({
    postId: recordId,
    reason: z.enum(FLAG_REASONS, 'Choose why you are flagging this post.'),
    note: z
      .string()
      .trim()
      .max(FLAG_NOTE_MAX_LENGTH, `Keep the note under ${FLAG_NOTE_MAX_LENGTH} characters.`)
      .transform((v) => v || undefined)
      .optional(),
  })
  .refine((data) => data.reason !== 'other' || data.note, { message: 'Say what is wrong with this post.', path: ['note'] });

/** Open flags on the post from members its group trusts: moderators, and members of some days' standing. */
async function trustedFlags(tx: Tx, postId: number, groupId: number): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from post_flags f
    join members m on m.id = f.flagger_id
    left join group_members gm on gm.group_id = ${groupId} and gm.member_id = f.flagger_id
    where f.post_id = ${postId} and f.resolved_at is null
      and (m.is_admin or gm.role in ('moderator', 'owner') or gm.joined_at <= now() - make_interval(days => ${FLAGGER_TRUSTED_AFTER_DAYS}))`);
  return row?.n ?? 0;
}

/**
 * Flags someone else's post for the moderators of its group. Enough distinct trusted flags
 * hide the post until a moderator reviews it; the post row is locked meanwhile, so two
 * flags at once count once each and hide it once.
 */
export async function flagPost(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; number: number }> {
  const data = parseInput(flagPostSchema, input);
  const flagger = ctx.viewer;
  const bucket = `flag:${flagger.id}`;
  await assertUnderLimit(ctx.db, bucket, FLAG_LIMIT, 'You have flagged many posts today.');
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: flagger }, data.postId, { lock: true });
    if (post.deletedAt) throw new ConflictError('This post was deleted.');
    if (!canFlagPost(flagger, group, post)) throw new ForbiddenError('You cannot flag this post.');
    const [open] = await tx
      .select({ id: postFlags.id })
      .from(postFlags)
      .where(and(eq(postFlags.postId, post.id), eq(postFlags.flaggerId, flagger.id), isNull(postFlags.resolvedAt)));
    if (open) throw new ConflictError('You have already flagged this post: the moderators will review it.');
    await tx.insert(postFlags).values({ postId: post.id, flaggerId: flagger.id, reason: data.reason, note: data.note ?? null });
    await recordHit(tx, bucket, FLAG_LIMIT);
    if (!post.hiddenAt && (await trustedFlags(tx, post.id, group.id)) >= FLAGS_TO_HIDE) {
      await tx.update(posts).set({ hiddenAt: sql`now()` }).where(eq(posts.id, post.id));
      await recordModeration(tx, { groupId: group.id, actorId: null, action: 'auto_hide', threadId: thread.id, postId: post.id });
      await enqueueSearchUpdate(tx, 'post', post.id);
    }
    return { threadId: thread.id, number: post.number };
  });
}
