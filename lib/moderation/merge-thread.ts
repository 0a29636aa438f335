import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { posts, threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { moderationReason, recordId } from '../posts/post-schemas';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { adjustGroupCounters, livePostCount, recountThread, refreshGroupActivity } from '../threads/thread-counters';
import { recordModeration } from './record-moderation';

const GIVE_DESTINATION = 'Give the number or the address of the thread to merge into.';

export const mergeThreadSchema = z.object({
  threadId: recordId,
  /** A thread id, or any address of it: /t/42, https://…/t/42?page=3#p50. */
  intoThreadId: z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return /^\d+$/.test(text) ? text : (/\/t\/(\d+)(?:[/?#]|$)/.exec(text)?.[1] ?? text);
  }, z.coerce.number({ error: GIVE_DESTINATION }).int(GIVE_DESTINATION).positive(GIVE_DESTINATION).max(2 ** 31 - 1, GIVE_DESTINATION)),
  reason: moderationReason,
});

/**
 * Merges a thread into another: its posts follow the destination's, in the order they were
 * written, and the merged thread is deleted with a forwarding address (threads.mergedIntoId),
 * so its old links lead to the destination (lib/threads/thread-access.ts mergedThreadTarget).
 * The moderator must moderate both groups, as for a move.
 */
export async function mergeThread(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; groupSlug: string }> {
  const { threadId, intoThreadId, reason } = parseInput(mergeThreadSchema, input);
  if (threadId === intoThreadId) throw new InvalidInputError('A thread cannot be merged into itself.', { intoThreadId: ['A thread cannot be merged into itself.'] });
  const moderator = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const scoped = { db: tx, viewer: moderator };
    // Both rows locked in id order: two merges of the same pair in opposite directions wait for each other instead of deadlocking.
    const locked = await tx.select().from(threads).where(inArray(threads.id, [threadId, intoThreadId])).orderBy(asc(threads.id)).for('update');
    const source = locked.find((t) => t.id === threadId);
    const target = locked.find((t) => t.id === intoThreadId);

    // Each thread's group is checked before anything about the thread is said, so a private thread's state never leaks.
    if (!source || (source.deletedAt && !source.mergedIntoId)) throw new NotFoundError('No such thread.');
    const from = await getReadableGroup(scoped, { id: source.groupId });
    if (!canModerateGroup(moderator, from)) throw new ForbiddenError('Only the moderators of this group can do that.');
    if (source.mergedIntoId) throw new ConflictError('This thread has already been merged into another.');

    if (!target || (target.deletedAt && !target.mergedIntoId)) throw new NotFoundError('No such thread.');
    const to = await getReadableGroup(scoped, { id: target.groupId });
    if (target.mergedIntoId) throw new ConflictError('That thread was merged into another: merge into that one instead.');
    if (!canModerateGroup(moderator, to)) throw new ForbiddenError('You can only merge into threads of groups you moderate.');

    const moved = await tx.select({ id: posts.id }).from(posts).where(eq(posts.threadId, source.id));
    const livePosts = await livePostCount(tx, source.id);
    // Numbers above the destination's allocator are free, so renumbering in one statement cannot collide.
    await tx.execute(sql`
      update posts p set thread_id = ${target.id}, number = ${target.lastPostNumber} + o.rn
      from (select id, row_number() over (order by created_at, number) as rn from posts where thread_id = ${source.id}) o
      where p.id = o.id`);
    await tx.update(threads).set({ deletedAt: sql`now()`, mergedIntoId: target.id, lastPostNumber: 0, replyCount: 0 }).where(eq(threads.id, source.id));
    // Threads merged into this one earlier forward straight to the new destination, never through a chain.
    await tx.update(threads).set({ mergedIntoId: target.id }).where(eq(threads.mergedIntoId, source.id));
    await recountThread(tx, target.id);

    // The merged thread leaves its group's thread count; its visible posts now count in the destination's group.
    await adjustGroupCounters(
      tx,
      from.id === to.id
        ? [{ groupId: from.id, threads: -1, posts: 0 }]
        : [
            { groupId: from.id, threads: -1, posts: -livePosts },
            { groupId: to.id, threads: 0, posts: livePosts, lastPostedAt: source.lastPostedAt },
          ],
    );
    if (from.id !== to.id) await refreshGroupActivity(tx, from.id);

    await enqueueSearchUpdate(tx, 'post', moved.map((post) => post.id));
    await enqueueSearchUpdate(tx, 'thread', [source.id, target.id]);
    const entry = { actorId: moderator.id, action: 'merge_thread', reason: reason ?? null } as const;
    await recordModeration(
      tx,
      from.id === to.id ? [{ ...entry, groupId: to.id, threadId: target.id }] : [{ ...entry, groupId: to.id, threadId: target.id }, { ...entry, groupId: from.id, threadId: source.id }],
    );
    return { threadId: target.id, groupSlug: to.slug };
  });
}
