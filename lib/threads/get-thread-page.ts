import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { bookmarks, members, posts, threadReads } from '@/db/schema';
import type { Ctx, Viewer } from '../context';
import { canDeletePost, canEditPost, canFlagPost, canModerateGroup, canReadHiddenPost, canReplyToThread, canRestorePost, canStartThread, type GroupAccess, type PostState } from '../permissions';
import { POSTS_PER_PAGE } from '../rules';
import { markRead } from './mark-read';
import { getReadableThread } from './thread-access';

export type PostView = {
  id: number;
  number: number;
  authorId: number;
  authorName: string;
  createdAt: Date;
  edited: boolean;
  /** Null when deleted, or hidden from this viewer: such a post shows only what happened to it. */
  bodyHtml: string | null;
  deleted: boolean;
  /** Hidden until a moderator reviews it (its author and the moderators still read it). */
  hidden: boolean;
  /** The post's own language, for its lang attribute; null when unknown. */
  language: string | null;
  deletedByAuthor: boolean;
  replyTo: { number: number; authorName: string } | null;
  /** The viewer wrote it (else an edit or a deletion is a moderator's). */
  isOwn: boolean;
  canEdit: boolean;
  canFlag: boolean;
  canDelete: boolean;
  canRestore: boolean;
  /** A moderator may hide it from everyone else, or show it again. */
  canHide: boolean;
  canUnhide: boolean;
  /** Signed-in readers keep posts they can read for later (lib/bookmarks/). */
  canBookmark: boolean;
  /** The viewer bookmarked it; `bookmark` has their note and pending reminder, for the form to start from. */
  bookmarked: boolean;
  bookmark: { note: string | null; remindAt: Date | null } | null;
};

export function pageOfPost(number: number): number {
  return Math.ceil(number / POSTS_PER_PAGE);
}

/** Page `page` of a thread (clamped to the pages it has), its page count and the post numbers it spans. */
export function pageRange(thread: { lastPostNumber: number }, page: number) {
  const pageCount = Math.max(1, pageOfPost(thread.lastPostNumber));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  return { current, pageCount, first: (current - 1) * POSTS_PER_PAGE + 1, last: current * POSTS_PER_PAGE };
}

export type PostPermissions = Pick<PostView, 'isOwn' | 'canEdit' | 'canFlag' | 'canDelete' | 'canRestore' | 'canHide' | 'canUnhide' | 'canBookmark' | 'bookmarked' | 'bookmark'>;

/** What the viewer may do with one post of a thread they read, and their bookmark on it. */
export function postPermissions(viewer: Viewer | null, group: GroupAccess, thread: { archived: boolean }, post: PostState & { hiddenAt: Date | null }, bookmark: PostView['bookmark']): PostPermissions {
  return {
    isOwn: viewer?.id === post.authorId,
    canEdit: !thread.archived && canEditPost(viewer, group, post),
    canFlag: canFlagPost(viewer, group, post),
    canDelete: !thread.archived && canDeletePost(viewer, group, post),
    canRestore: !thread.archived && canRestorePost(viewer, group, post),
    canHide: post.deletedAt === null && post.hiddenAt === null && canModerateGroup(viewer, group),
    canUnhide: post.deletedAt === null && post.hiddenAt !== null && canModerateGroup(viewer, group),
    canBookmark: viewer !== null && post.deletedAt === null,
    bookmarked: bookmark !== null,
    bookmark,
  };
}

/**
 * One page of a thread. Post numbers are gap-free, so page N is the index range
 * (N-1)*PAGE+1 … N*PAGE on (thread_id, number): page 500 of a long thread costs what page 1 does.
 */
export async function getThreadPage(ctx: Ctx, threadId: number, page: number, { recordReading = true } = {}) {
  const { thread, group } = await getReadableThread(ctx, threadId);
  const { current, pageCount, first } = pageRange(thread, page);
  // The answered post's number and author, for the "in reply to #n" link.
  const replyToNumber = sql<number | null>`(select q.number from ${posts} q where q.id = ${posts.replyToPostId})`;
  const replyToAuthor = sql<string | null>`(select m.name from ${posts} q join ${members} m on m.id = q.author_id where q.id = ${posts.replyToPostId})`;
  const rows = await ctx.db
    .select({
      post: {
        id: posts.id,
        number: posts.number,
        authorId: posts.authorId,
        createdAt: posts.createdAt,
        editedAt: posts.editedAt,
        deletedAt: posts.deletedAt,
        deletedById: posts.deletedById,
        hiddenAt: posts.hiddenAt,
        bodyHtml: posts.bodyHtml,
        language: posts.language,
      },
      authorName: members.name,
      replyToNumber,
      replyToAuthor,
    })
    .from(posts)
    .innerJoin(members, eq(members.id, posts.authorId))
    .where(and(eq(posts.threadId, thread.id), between(posts.number, first, first + POSTS_PER_PAGE - 1)))
    .orderBy(asc(posts.number));

  const viewer = ctx.viewer;
  const marks = await bookmarksOn(ctx, rows.map((r) => r.post.id));
  const postViews: PostView[] = rows.map(({ post, authorName, replyToNumber, replyToAuthor }) => ({
    id: post.id,
    number: post.number,
    authorId: post.authorId,
    authorName,
    createdAt: post.createdAt,
    edited: post.editedAt !== null,
    bodyHtml: post.deletedAt || (post.hiddenAt && !canReadHiddenPost(viewer, group, post)) ? null : post.bodyHtml,
    deleted: post.deletedAt !== null,
    hidden: post.hiddenAt !== null,
    language: post.language,
    deletedByAuthor: post.deletedAt !== null && post.deletedById === post.authorId,
    replyTo: replyToNumber !== null && replyToAuthor !== null ? { number: replyToNumber, authorName: replyToAuthor } : null,
    ...postPermissions(viewer, group, thread, post, marks.get(post.id) ?? null),
  }));
  const lastShown = postViews.at(-1)?.number;
  if (viewer && lastShown && recordReading) await markRead(ctx.db, viewer.id, thread.id, lastShown);
  return {
    thread,
    group,
    posts: postViews,
    page: current,
    pageCount,
    canReply: canReplyToThread(viewer, group, thread),
    canJoinToReply: viewer !== null && !canStartThread(viewer, group),
    canModerate: canModerateGroup(viewer, group),
  };
}

/** The viewer's bookmarks among a page's posts, in one query. */
export async function bookmarksOn(ctx: Ctx, postIds: number[]): Promise<Map<number, NonNullable<PostView['bookmark']>>> {
  if (!ctx.viewer || postIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ postId: bookmarks.postId, note: bookmarks.note, remindAt: bookmarks.remindAt })
    .from(bookmarks)
    .where(and(eq(bookmarks.memberId, ctx.viewer.id), inArray(bookmarks.postId, postIds)));
  return new Map(rows.map(({ postId, ...mark }) => [postId, mark]));
}

/** Where a member left off: the first post they have not read, or null when there is none to jump to. */
export async function firstUnreadPost(ctx: Ctx, threadId: number): Promise<number | null> {
  if (!ctx.viewer) return null;
  const { thread } = await getReadableThread(ctx, threadId);
  const [read] = await ctx.db
    .select({ last: threadReads.lastReadPostNumber })
    .from(threadReads)
    .where(and(eq(threadReads.memberId, ctx.viewer.id), eq(threadReads.threadId, thread.id)));
  return firstUnreadAfter(read?.last ?? null, thread);
}

/** The post after the last one read, unless nothing was read or everything was. */
export function firstUnreadAfter(lastRead: number | null, thread: { lastPostNumber: number }): number | null {
  return lastRead === null || lastRead >= thread.lastPostNumber ? null : lastRead + 1;
}
