import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { moderationReason, recordId } from '../posts/post-schemas';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { getReadableThread } from '../threads/thread-access';
import { adjustGroupCounters, livePostCount, refreshGroupActivity } from '../threads/thread-counters';
import { parseInput } from '../validate';
import { recordModeration } from './record-moderation';

export const moveThreadSchema = z.object({
  threadId: recordId,
  toGroupSlug: z.string({ error: 'Choose the group to move the thread to.' }).trim().min(1, 'Choose the group to move the thread to.').max(100, 'No such group.'),
  reason: moderationReason,
});

/**
 * Moves a thread, with all its posts, into another group. The moderator must moderate both
 * groups: moving is how a thread leaves one audience for another (a private group's threads
 * must not be carried out by someone who only moderates the destination, nor dropped into a
 * group by someone who does not moderate it). Logged in both groups, and the search index
 * follows through the outbox: a 'thread' update re-files every indexed post of the thread
 * under its new group (lib/search/postgres/index-posts.ts indexThreads, and the Meilisearch
 * engine resends the thread's posts), so readers of the old group stop finding them.
 */
export async function moveThread(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; groupSlug: string }> {
  const { threadId, toGroupSlug, reason } = parseInput(moveThreadSchema, input);
  const moderator = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const scoped = { db: tx, viewer: moderator };
    // The lock keeps a reply from being counted in the old group after its thread has left it.
    const { thread, group: from } = await getReadableThread(scoped, threadId, { lock: true });
    if (!canModerateGroup(moderator, from)) throw new ForbiddenError('Only the moderators of this group can do that.');
    const to = await getReadableGroup(scoped, { slug: toGroupSlug.toLowerCase() });
    if (to.id === from.id) throw new ConflictError('This thread is already in that group.');
    if (!canModerateGroup(moderator, to)) throw new ForbiddenError('You can only move threads into groups you moderate.');

    await tx.update(threads).set({ groupId: to.id }).where(eq(threads.id, thread.id));
    const moved = await livePostCount(tx, thread.id);
    await adjustGroupCounters(tx, [
      { groupId: from.id, threads: -1, posts: -moved },
      { groupId: to.id, threads: 1, posts: moved, lastPostedAt: thread.lastPostedAt },
    ]);
    // The thread that left may have been the old group's latest.
    await refreshGroupActivity(tx, from.id);
    await enqueueSearchUpdate(tx, 'thread', thread.id);
    await recordModeration(tx, [
      { groupId: from.id, actorId: moderator.id, action: 'move_thread_out', threadId: thread.id, reason: reason ?? null },
      { groupId: to.id, actorId: moderator.id, action: 'move_thread', threadId: thread.id, reason: reason ?? null },
    ]);
    return { threadId: thread.id, groupSlug: to.slug };
  });
}
