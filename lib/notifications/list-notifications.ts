import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { groups, members, notifications, posts, threads } from '@/db/schema';
import { descNullsLast } from '@/db/order';
import type { SignedInCtx } from '../context';
import { NotFoundError } from '../errors';
import { readableGroups } from '../members/readable-groups';
import { recordId } from '../posts/post-schemas';
import { markdownToText } from '../search/plain-text';
import { threadPostUrl } from '../threads/urls';
import { parseInput } from '../validate';
import type { NotificationKind } from './kinds';

const PAGE = 30;
const EXCERPT = 140;

export const listNotificationsSchema = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

const actor = alias(members, 'actor');

/**
 * Where a notification's post is now, which decides who may read it: a move, split or merge
 * may have taken it to another thread and group since it was written. Without a post, the
 * thread (and group) it was about.
 */
const placeThreadId = sql<number | null>`coalesce(${posts.threadId}, ${notifications.threadId})`;
const placeGroupId = sql<number | null>`coalesce(${threads.groupId}, ${notifications.groupId})`;
const onPost = eq(posts.id, notifications.postId);
const onThread = eq(threads.id, placeThreadId);
const onGroup = eq(groups.id, placeGroupId);

/**
 * The viewer's notifications, newest first. Each is re-checked as it is shown: one from a
 * group the member can no longer read, or about a post since deleted or hidden, is left out,
 * so leaving a group takes its news with it.
 */
export async function listNotifications(ctx: SignedInCtx, input: unknown) {
  const { before } = parseInput(listNotificationsSchema, input);
  const rows = await ctx.db
    .select({
      id: notifications.id, kind: notifications.kind, createdAt: notifications.createdAt, readAt: notifications.readAt, data: notifications.data,
      groupId: placeGroupId, groupName: groups.name, groupSlug: groups.slug, threadId: placeThreadId, threadTitle: threads.title,
      postNumber: posts.number, postBody: sql<string | null>`left(${posts.body}, 600)`, postGone: sql<boolean>`(${posts.deletedAt} is not null or ${posts.hiddenAt} is not null)`,
      actorName: actor.name,
    })
    .from(notifications)
    .leftJoin(posts, onPost)
    .leftJoin(threads, onThread)
    .leftJoin(groups, onGroup)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(eq(notifications.memberId, ctx.viewer.id), before ? lt(notifications.id, before) : undefined))
    .orderBy(descNullsLast(notifications.id))
    .limit(PAGE + 1);
  const readable = await readableGroups(ctx, rows.flatMap((r) => (r.groupId ? [r.groupId] : [])));
  const shown = rows
    .slice(0, PAGE)
    .filter((r) => (r.groupId === null || readable.has(r.groupId)) && !(r.postGone && r.kind !== 'moderation'))
    .map(({ postBody, postGone, ...r }) => ({
      ...r,
      kind: r.kind as NotificationKind,
      excerpt: postBody && !postGone ? excerptOf(postBody) : null,
      href: notificationHref(r),
    }));
  return { notifications: shown, nextBefore: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

function excerptOf(body: string): string {
  const text = markdownToText(body);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

function notificationHref(r: { kind: string; threadId: number | null; postNumber: number | null; groupSlug: string | null }): string {
  // What a moderator did is explained, with its reason, on the member's moderation page.
  if (r.kind === 'moderation') return '/settings/moderation';
  if (r.threadId && r.postNumber) return threadPostUrl(r.threadId, r.postNumber);
  if (r.threadId) return `/t/${r.threadId}`;
  if (r.groupSlug) return `/g/${r.groupSlug}`;
  return '/settings/moderation';
}

/** Unread notifications the viewer may still see: the number in the header. */
export async function unreadCount(ctx: SignedInCtx): Promise<number> {
  const rows = await ctx.db
    .select({ groupId: placeGroupId, n: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(posts, onPost)
    .leftJoin(threads, onThread)
    .where(and(eq(notifications.memberId, ctx.viewer.id), isNull(notifications.readAt), sql`(${posts.id} is null or ${notifications.kind} = 'moderation' or (${posts.deletedAt} is null and ${posts.hiddenAt} is null))`))
    .groupBy(placeGroupId);
  const readable = await readableGroups(ctx, rows.flatMap((r) => (r.groupId ? [r.groupId] : [])));
  return rows.reduce((sum, r) => sum + (r.groupId === null || readable.has(r.groupId) ? r.n : 0), 0);
}

export const openNotificationSchema = z.object({ id: recordId });

/** Marks one notification read and says where it leads; someone else's is not found. */
export async function openNotification(ctx: SignedInCtx, input: unknown): Promise<string> {
  const { id } = parseInput(openNotificationSchema, input);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.memberId, ctx.viewer.id)))
    .returning({ id: notifications.id });
  if (!row) throw new NotFoundError('No such notification.');
  const [target] = await ctx.db
    .select({ kind: notifications.kind, threadId: placeThreadId, postNumber: posts.number, groupSlug: groups.slug })
    .from(notifications)
    .leftJoin(posts, onPost)
    .leftJoin(threads, onThread)
    .leftJoin(groups, onGroup)
    .where(eq(notifications.id, id));
  return notificationHref(target!);
}

/** Marks every notification of the viewer read. */
export async function markAllNotificationsRead(ctx: SignedInCtx): Promise<void> {
  await ctx.db.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.memberId, ctx.viewer.id), isNull(notifications.readAt)));
}
