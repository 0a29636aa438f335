import { and, asc, between, eq, sql } from 'drizzle-orm';
import { posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { memberSummary, type MemberSummary } from '../members/member-summary';
import type { NotificationLevel } from '../notifications/kinds';
import { threadLevelOf } from '../notifications/notification-levels';
import { canReadHiddenPost, canReplyToThread } from '../permissions';
import { bookmarksOn, firstUnreadAfter, pageRange, postPermissions, type PostPermissions, type PostView } from './get-thread-page';
import { markRead } from './mark-read';
import { replyAreaOf, type ReplyArea } from './reply-area';
import { getReadableThread } from './thread-access';

/** What a reader may do with a post; `canQuote` is the thread's (they may reply). */
export type PostActions = PostPermissions & { canQuote: boolean };

export function postActionsOf(post: PostView, canReply: boolean): PostActions {
  const { isOwn, canEdit, canFlag, canDelete, canRestore, canHide, canUnhide, canBookmark, bookmarked, bookmark } = post;
  return { isOwn, canEdit, canFlag, canDelete, canRestore, canHide, canUnhide, canBookmark, bookmarked, bookmark, canQuote: canReply };
}

/**
 * A member's own part of a thread page shared among members (lib/page-cache/page-cache.ts):
 * what they may do with each post, their hidden posts' bodies (others see that they are
 * hidden), the reply area, their notification level and where they left off. Reading it
 * records the page as read, as rendering the page does.
 */
export type ThreadReading = {
  posts: Record<number, PostActions & { hiddenBodyHtml: string | null }>;
  reply: ReplyArea;
  silence: { until: Date; reason: string } | null;
  level: NotificationLevel | null;
  /** The first post they have not read, taken before this page was recorded. */
  firstUnread: number | null;
  /** For the header, which a shared page leaves to the browser: one request brings both. */
  member: MemberSummary;
};

/**
 * Reads only what differs between members: the page's posts without their bodies (but for
 * hidden ones), with the same permission rules as getThreadPage.
 */
export async function readThreadPage(ctx: SignedInCtx, threadId: number, page: number): Promise<ThreadReading> {
  const { thread, group } = await getReadableThread(ctx, threadId);
  const { first, last } = pageRange(thread, page);
  const rows = await ctx.db
    .select({
      id: posts.id,
      number: posts.number,
      authorId: posts.authorId,
      deletedAt: posts.deletedAt,
      deletedById: posts.deletedById,
      hiddenAt: posts.hiddenAt,
      hiddenBodyHtml: sql<string | null>`case when ${posts.hiddenAt} is not null then ${posts.bodyHtml} end`,
    })
    .from(posts)
    .where(and(eq(posts.threadId, thread.id), between(posts.number, first, last)))
    .orderBy(asc(posts.number));
  const lastShown = rows.at(-1)?.number;
  const [marks, level, member, lastRead] = await Promise.all([
    bookmarksOn(ctx, rows.map((row) => row.id)),
    threadLevelOf(ctx, thread.id, group.id),
    memberSummary(ctx),
    lastShown === undefined ? null : markRead(ctx.db, ctx.viewer.id, thread.id, lastShown),
  ]);
  const canQuote = canReplyToThread(ctx.viewer, group, thread);
  const actions = rows.map((row) => {
    const readsHidden = row.deletedAt === null && row.hiddenAt !== null && canReadHiddenPost(ctx.viewer, group, row);
    return [row.id, { ...postPermissions(ctx.viewer, group, thread, row, marks.get(row.id) ?? null), canQuote, hiddenBodyHtml: readsHidden ? row.hiddenBodyHtml : null }] as const;
  });
  const reply = replyAreaOf(ctx.viewer, group, thread);
  return {
    posts: Object.fromEntries(actions),
    reply,
    silence: reply === 'silenced' ? (group.silence ?? null) : null,
    level,
    firstUnread: firstUnreadAfter(lastRead, thread),
    member,
  };
}
