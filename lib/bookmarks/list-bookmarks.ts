import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { bookmarks, members, posts, threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { readableGroups } from '../members/readable-groups';
import { markdownToText } from '../search/plain-text';
import { threadPostUrl } from '../threads/urls';
import { parseInput } from '../validate';
import { BOOKMARK_EXCERPT_LENGTH, BOOKMARKS_PER_PAGE } from './bookmark-rules';
import { listBookmarksSchema } from './bookmark-schemas';

export type BookmarkView = {
  postId: number;
  threadId: number;
  threadTitle: string;
  groupName: string;
  postNumber: number;
  authorName: string;
  excerpt: string;
  /** The post's address: its thread page and anchor. */
  url: string;
  note: string | null;
  remindAt: Date | null;
  createdAt: Date;
};

function excerptOf(markdown: string): string {
  const text = markdownToText(markdown);
  return text.length <= BOOKMARK_EXCERPT_LENGTH ? text : `${text.slice(0, BOOKMARK_EXCERPT_LENGTH - 1).trimEnd()}…`;
}

// Postgres keeps microseconds and a Date milliseconds: the cursor compares at the precision it can carry.
const createdAtMs = sql<Date>`date_trunc('milliseconds', ${bookmarks.createdAt})`.mapWith(bookmarks.createdAt);

/**
 * The viewer's bookmarks, newest first, a page at a time. Readability is decided again now,
 * not when the post was bookmarked: a bookmark in a group the member has left (or been banned
 * from), on a deleted post or in a deleted thread, is left out, and so is a hidden post
 * unless the member wrote it (the group's moderators read hidden posts on the thread page).
 * Such bookmarks are kept, and come back if the post becomes readable again.
 */
export async function listBookmarks(ctx: SignedInCtx, input: unknown): Promise<{ bookmarks: BookmarkView[]; nextBefore: string | null }> {
  const { before } = parseInput(listBookmarksSchema, input);
  const me = ctx.viewer.id;
  const rows = await ctx.db
    .select({
      postId: posts.id,
      threadId: threads.id,
      threadTitle: threads.title,
      groupId: threads.groupId,
      postNumber: posts.number,
      authorName: members.name,
      body: posts.body,
      note: bookmarks.note,
      remindAt: bookmarks.remindAt,
      createdAt: bookmarks.createdAt,
      createdAtMs,
    })
    .from(bookmarks)
    .innerJoin(posts, eq(posts.id, bookmarks.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(members, eq(members.id, posts.authorId))
    .where(
      and(
        eq(bookmarks.memberId, me),
        isNull(posts.deletedAt),
        isNull(threads.deletedAt),
        or(isNull(posts.hiddenAt), eq(posts.authorId, me)),
        before ? sql`(${createdAtMs}, ${bookmarks.postId}) < (${before.at.toISOString()}::timestamptz, ${before.postId})` : undefined,
      ),
    )
    .orderBy(desc(createdAtMs), desc(bookmarks.postId))
    .limit(BOOKMARKS_PER_PAGE + 1);

  const page = rows.slice(0, BOOKMARKS_PER_PAGE);
  const readable = await readableGroups(ctx, page.map((r) => r.groupId));
  const last = rows.length > BOOKMARKS_PER_PAGE ? page.at(-1) : undefined;
  return {
    bookmarks: page.flatMap(({ groupId, body, createdAtMs: _, ...row }) => {
      const group = readable.get(groupId);
      if (!group) return [];
      return [{ ...row, groupName: group.name, excerpt: excerptOf(body), url: threadPostUrl(row.threadId, row.postNumber) }];
    }),
    nextBefore: last ? `${last.createdAtMs.getTime()}-${last.postId}` : null,
  };
}
