import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { groups, posts } from '@/db/schema';

/** Counters of threads and groups, brought back in line after posts or threads change place (move, split, merge). */

/** Posts a group counts: deleted posts left its post count when they were deleted (lib/posts/post-visibility.ts). */
export async function livePostCount(tx: Tx, threadId: number): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(posts).where(and(eq(posts.threadId, threadId), isNull(posts.deletedAt)));
  return row?.n ?? 0;
}

type GroupChange = { groupId: number; threads: number; posts: number; lastPostedAt?: Date };

/**
 * Adds to groups' thread and post counters, and moves a gaining group's activity time forward.
 * Applied in group-id order, so two moves between the same groups in opposite directions lock
 * the rows in the same order and never deadlock.
 */
export async function adjustGroupCounters(tx: Tx, changes: GroupChange[]): Promise<void> {
  for (const change of [...changes].sort((a, b) => a.groupId - b.groupId)) {
    await tx
      .update(groups)
      .set({
        threadCount: sql`${groups.threadCount} + ${change.threads}`,
        postCount: sql`${groups.postCount} + ${change.posts}`,
        ...(change.lastPostedAt ? { lastPostedAt: sql`greatest(${groups.lastPostedAt}, ${change.lastPostedAt.toISOString()}::timestamptz)` } : {}),
      })
      .where(eq(groups.id, change.groupId));
  }
}

/** A group's last activity, from the threads it still holds. */
export async function refreshGroupActivity(tx: Tx, groupId: number): Promise<void> {
  await tx.execute(sql`
    update groups g set last_posted_at = (select max(t.last_posted_at) from threads t where t.group_id = g.id and t.deleted_at is null)
    where g.id = ${groupId}`);
}

/**
 * Brings a thread's summary columns back in line with the posts it holds after posts moved in
 * or out: visible replies, the number allocator (never lowered), and the latest visible post's time and author
 * (falling back to any post, then to what the thread had, so a thread never loses its place).
 */
export async function recountThread(tx: Tx, threadId: number): Promise<void> {
  await tx.execute(sql`
    update threads t set
      reply_count = (select count(*) from posts p where p.thread_id = t.id and p.number > 1 and p.deleted_at is null),
      -- The allocator never goes back: a number a post left with is not handed out again, so
      -- members' read positions and links to it never point at a different post.
      last_post_number = greatest(t.last_post_number, coalesce((select max(p.number) from posts p where p.thread_id = t.id), 0)),
      last_posted_at = coalesce(
        (select max(p.created_at) from posts p where p.thread_id = t.id and p.deleted_at is null),
        (select max(p.created_at) from posts p where p.thread_id = t.id),
        t.last_posted_at),
      last_poster_id = coalesce(
        (select p.author_id from posts p where p.thread_id = t.id and p.deleted_at is null order by p.created_at desc, p.number desc limit 1),
        t.last_poster_id)
    where t.id = ${threadId}`);
}
