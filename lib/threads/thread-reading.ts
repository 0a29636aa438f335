import type { NotificationLevel } from '../notifications/kinds';
import { threadLevelOf } from '../notifications/notification-levels';
import type { SignedInCtx } from '../context';
import { memberSummary, type MemberSummary } from '../members/member-summary';
import { firstUnreadIn, getThreadPage, type PostView } from './get-thread-page';
import { markRead } from './mark-read';
import { replyAreaOf, type ReplyArea } from './reply-area';

/** What a reader may do with one post; `canQuote` is the thread's (they may reply). */
export type PostActions = Pick<PostView, 'isOwn' | 'canEdit' | 'canFlag' | 'canDelete' | 'canRestore' | 'canHide' | 'canUnhide' | 'canBookmark' | 'bookmark'> & { canQuote: boolean };

export function postActionsOf(post: PostView, canReply: boolean): PostActions {
  const { isOwn, canEdit, canFlag, canDelete, canRestore, canHide, canUnhide, canBookmark, bookmark } = post;
  return { isOwn, canEdit, canFlag, canDelete, canRestore, canHide, canUnhide, canBookmark, bookmark, canQuote: canReply };
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

export async function readThreadPage(ctx: SignedInCtx, threadId: number, page: number): Promise<ThreadReading> {
  const view = await getThreadPage(ctx, threadId, page, { recordReading: false });
  const { thread, group } = view;
  const [firstUnread, level, member] = await Promise.all([firstUnreadIn(ctx, thread), threadLevelOf(ctx, thread.id, group.id), memberSummary(ctx)]);
  const lastShown = view.posts.at(-1)?.number;
  if (lastShown) await markRead(ctx.db, ctx.viewer.id, thread.id, lastShown);
  const posts = Object.fromEntries(
    view.posts.map((post) => [post.id, { ...postActionsOf(post, view.canReply), hiddenBodyHtml: post.hidden && !post.deleted ? post.bodyHtml : null }]),
  );
  const reply = replyAreaOf(ctx.viewer, group, thread);
  return { posts, reply, silence: reply === 'silenced' ? (group.silence ?? null) : null, level, firstUnread, member };
}
