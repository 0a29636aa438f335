import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { members, threadReads, threads } from '@/db/schema';
import { descNullsLast } from '@/db/order';
import type { Ctx } from '../context';
import { getReadableGroup } from '../groups/group-access';
import { THREADS_PER_PAGE } from '../rules';

export type ThreadListing = {
  id: number;
  title: string;
  pinned: boolean;
  closed: boolean;
  replyCount: number;
  lastPostedAt: Date;
  lastPosterName: string | null;
  authorName: string;
  /** Posts the viewer has not read yet; null when signed out. */
  unreadCount: number | null;
};

/** Position in the list (latest activity first), passed between pages instead of an OFFSET. */
const cursorSchema = z
  .string()
  .regex(/^\d+\.\d+$/)
  .transform((s) => {
    const [at, id] = s.split('.').map(Number);
    return { at: new Date(at!), id: id! };
  });

export function encodeCursor(t: { lastPostedAt: Date; id: number }): string {
  return `${t.lastPostedAt.getTime()}.${t.id}`;
}

/**
 * A group's threads (or its archived ones): pinned first on the first page, then by latest activity, keyset-paged
 * on (last_posted_at, id) so that a deep page costs what the first one does.
 */
export async function listThreads(ctx: Ctx, groupSlug: string, after?: string, opts: { archived?: boolean } = {}) {
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  // Pins with an end date lapse here, the next time the list is read; no match, no write. Only
  // listed (not deleted) threads matter, which is also what lets the group's list index serve it.
  await ctx.db
    .update(threads)
    .set({ pinned: false, pinnedUntil: null })
    .where(and(eq(threads.groupId, group.id), isNull(threads.deletedAt), eq(threads.pinned, true), lte(threads.pinnedUntil, sql`now()`)));
  const cursor = after ? cursorSchema.safeParse(after) : null;
  const viewerId = ctx.viewer?.id ?? -1;
  const lastPoster = sql<string | null>`(select m.name from ${members} m where m.id = ${threads.lastPosterId})`;
  const keyset = cursor?.success
    ? and(
        eq(threads.pinned, false),
        or(
          lt(threads.lastPostedAt, cursor.data.at),
          and(eq(threads.lastPostedAt, cursor.data.at), lt(threads.id, cursor.data.id)),
        ),
      )
    : undefined;
  const rows = await ctx.db
    .select({
      thread: threads,
      authorName: members.name,
      lastPosterName: lastPoster,
      lastRead: threadReads.lastReadPostNumber,
    })
    .from(threads)
    .innerJoin(members, eq(members.id, threads.authorId))
    .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.memberId, viewerId)))
    // Unlisted threads are reachable by link only; archived ones have their own list.
    .where(and(eq(threads.groupId, group.id), isNull(threads.deletedAt), eq(threads.unlisted, false), eq(threads.archived, opts.archived ?? false), keyset))
    .orderBy(descNullsLast(threads.pinned), descNullsLast(threads.lastPostedAt), descNullsLast(threads.id))
    .limit(THREADS_PER_PAGE + 1);
  const page = rows.slice(0, THREADS_PER_PAGE);
  const listings: ThreadListing[] = page.map((r) => ({
    id: r.thread.id,
    title: r.thread.title,
    pinned: r.thread.pinned,
    closed: r.thread.closed,
    replyCount: r.thread.replyCount,
    lastPostedAt: r.thread.lastPostedAt,
    lastPosterName: r.lastPosterName,
    authorName: r.authorName,
    unreadCount: ctx.viewer ? r.thread.lastPostNumber - (r.lastRead ?? 0) : null,
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > THREADS_PER_PAGE && last ? encodeCursor(last.thread) : null;
  return { group, threads: listings, nextCursor };
}
