import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groupSubscriptions, threadSubscriptions } from '@/db/schema';
import type { Ctx, SignedInCtx } from '../context';
import { getReadableGroup } from '../groups/group-access';
import { slugInput } from '../groups/group-schemas';
import { recordId } from '../posts/post-schemas';
import { getReadableThread } from '../threads/thread-access';
import { parseInput } from '../validate';
import { NOTIFICATION_LEVELS, type NotificationLevel } from './kinds';


const level = z.enum(NOTIFICATION_LEVELS, 'Choose how much to hear about it.');
export const threadLevelSchema = z.object({ threadId: recordId, level });
export const groupLevelSchema = slugInput.extend({ level });

/** Sets how much the member hears about a thread they can read. */
export async function setThreadLevel(ctx: SignedInCtx, input: unknown): Promise<void> {
  const data = parseInput(threadLevelSchema, input);
  const { thread } = await getReadableThread(ctx, data.threadId);
  await ctx.db
    .insert(threadSubscriptions)
    .values({ memberId: ctx.viewer.id, threadId: thread.id, level: data.level })
    .onConflictDoUpdate({ target: [threadSubscriptions.memberId, threadSubscriptions.threadId], set: { level: data.level, updatedAt: sql`now()` } });
}

/** Sets how much the member hears about every thread of a group they can read. */
export async function setGroupLevel(ctx: SignedInCtx, input: unknown): Promise<void> {
  const data = parseInput(groupLevelSchema, input);
  const group = await getReadableGroup(ctx, { slug: data.groupSlug });
  await ctx.db
    .insert(groupSubscriptions)
    .values({ memberId: ctx.viewer.id, groupId: group.id, level: data.level })
    .onConflictDoUpdate({ target: [groupSubscriptions.memberId, groupSubscriptions.groupId], set: { level: data.level, updatedAt: sql`now()` } });
}

/** The viewer's level for a thread: theirs for the thread, else the group's, else normal (one query). */
export async function threadLevelOf(ctx: Ctx, threadId: number, groupId: number): Promise<NotificationLevel | null> {
  if (!ctx.viewer) return null;
  const own = ctx.db.select({ level: threadSubscriptions.level }).from(threadSubscriptions).where(and(eq(threadSubscriptions.memberId, ctx.viewer.id), eq(threadSubscriptions.threadId, threadId)));
  const group = ctx.db.select({ level: groupSubscriptions.level }).from(groupSubscriptions).where(and(eq(groupSubscriptions.memberId, ctx.viewer.id), eq(groupSubscriptions.groupId, groupId)));
  const [row] = await ctx.db.execute<{ level: NotificationLevel }>(sql`select coalesce((${own}), (${group}), 'normal') as level`);
  return row!.level;
}

export async function groupLevelOf(ctx: Ctx, groupId: number): Promise<NotificationLevel | null> {
  if (!ctx.viewer) return null;
  const [row] = await ctx.db.select({ level: groupSubscriptions.level }).from(groupSubscriptions).where(and(eq(groupSubscriptions.memberId, ctx.viewer.id), eq(groupSubscriptions.groupId, groupId)));
  return row?.level ?? 'normal';
}
