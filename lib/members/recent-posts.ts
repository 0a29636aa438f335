import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { posts, threads } from '@/db/schema';
import { descNullsLast } from '@/db/order';
import type { Ctx } from '../context';
import { PROFILE_RECENT_POSTS } from './profile-rules';
import { type GroupSummary, readableGroups } from './readable-groups';

/**
 * How many of a member's newest posts are looked at before listing every group they ever
 * posted in. Most viewers may read the groups of most posts, so this walk finds the page's
 * posts at once; listing the groups first costs a read of all the member's posts (15,000 for
 * the busiest member of the million-post forum).
 */
export const RECENT_POSTS_WALK = 100;

/** How much of a post's HTML to fetch for its excerpt: enough text after tags are stripped, never a 32 KB body. */
const EXCERPT_SOURCE_CHARS = 2000;

type RecentPostRow = {
  postId: number;
  number: number;
  createdAt: Date;
  html: string;
  threadId: number;
  threadTitle: string;
  groupId: number;
};

const live = (memberId: number) => and(eq(posts.authorId, memberId), isNull(posts.deletedAt), isNull(threads.deletedAt));

/**
 * The member's latest live posts in groups this viewer may read, newest first, with the
 * readable ones among `memberGroupIds` and the posts' groups.
 */
export async function recentReadablePosts(ctx: Ctx, memberId: number, memberGroupIds: number[]) {
  const newest = await ctx.db
    .select({ postId: posts.id, groupId: threads.groupId })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(live(memberId))
    .orderBy(descNullsLast(posts.createdAt), desc(posts.id))
    .limit(RECENT_POSTS_WALK);
  let readable = await readableGroups(ctx, [...memberGroupIds, ...newest.map((p) => p.groupId)]);
  let chosen = newest.filter((p) => readable.has(p.groupId)).slice(0, PROFILE_RECENT_POSTS).map((p) => p.postId);
  if (chosen.length < PROFILE_RECENT_POSTS && newest.length === RECENT_POSTS_WALK) {
    ({ readable, chosen } = await newestInReadableGroups(ctx, memberId, memberGroupIds));
  }
  return { readable, rows: chosen.length ? await postDetails(ctx, chosen) : [] };
}

/** The slow path, for a viewer who may read few of the member's groups: every group they posted in, then their posts there. */
async function newestInReadableGroups(ctx: Ctx, memberId: number, memberGroupIds: number[]): Promise<{ readable: Map<number, GroupSummary>; chosen: number[] }> {
  // Groups they posted in, including ones they have since left.
  const postedIn = await ctx.db.selectDistinct({ groupId: threads.groupId }).from(posts).innerJoin(threads, eq(threads.id, posts.threadId)).where(live(memberId));
  const readable = await readableGroups(ctx, [...memberGroupIds, ...postedIn.map((p) => p.groupId)]);
  if (readable.size === 0) return { readable, chosen: [] };
  const rows = await ctx.db
    .select({ postId: posts.id })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    // The visibility condition is in the query itself, so the limit counts only posts this viewer may read.
    .where(and(live(memberId), inArray(threads.groupId, [...readable.keys()])))
    .orderBy(descNullsLast(posts.createdAt), desc(posts.id))
    .limit(PROFILE_RECENT_POSTS);
  return { readable, chosen: rows.map((r) => r.postId) };
}

function postDetails(ctx: Ctx, postIds: number[]): Promise<RecentPostRow[]> {
  return ctx.db
    .select({
      postId: posts.id,
      number: posts.number,
      createdAt: posts.createdAt,
      html: sql<string>`left(${posts.bodyHtml}, ${EXCERPT_SOURCE_CHARS})`,
      threadId: threads.id,
      threadTitle: threads.title,
      groupId: threads.groupId,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(inArray(posts.id, postIds))
    .orderBy(descNullsLast(posts.createdAt), desc(posts.id));
}
