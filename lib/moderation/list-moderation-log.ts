import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { z } from 'zod';
import { members, moderationLog, posts, threads } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { parseInput } from '../validate';
import { MODERATION_ACTIONS } from './moderate-thread';

export { MODERATION_ACTIONS };
export type { ModerationAction } from './moderate-thread';

const LOG_PAGE = 50;

export const listModerationLogSchema = z.object({
  groupSlug: z.string().min(1).max(100),
  action: z.enum(MODERATION_ACTIONS).optional().catch(undefined),
  /** Id of the last entry of the previous page. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

const targetMember = alias(members, 'target_member');

/** Log entries with the names and titles they point at; callers add the filter. */
export function logEntries(db: Db) {
  return db
    .select({
      id: moderationLog.id, action: moderationLog.action, reason: moderationLog.reason, createdAt: moderationLog.createdAt,
      actorName: members.name, threadId: threads.id, threadTitle: threads.title, postNumber: posts.number,
      groupId: moderationLog.groupId, memberId: moderationLog.memberId, memberName: targetMember.name,
      /** The group the post or thread acted on is in now (a move, split or merge may have taken it elsewhere): who may read the entry. */
      placeGroupId: sql<number | null>`coalesce((select t.group_id from ${threads} t where t.id = ${posts.threadId}), ${threads.groupId}, ${moderationLog.groupId})`,
    })
    .from(moderationLog)
    .leftJoin(members, eq(members.id, moderationLog.actorId))
    .leftJoin(threads, eq(threads.id, moderationLog.threadId))
    .leftJoin(posts, eq(posts.id, moderationLog.postId))
    .leftJoin(targetMember, eq(targetMember.id, moderationLog.memberId))
    .$dynamic();
}

export type LogEntry = Awaited<ReturnType<ReturnType<typeof logEntries>['execute']>>[number];

/** A group's moderation log for its moderators (and site admins), newest first, filterable by action. */
export async function listModerationLog(ctx: Ctx, input: unknown) {
  const data = parseInput(listModerationLogSchema, input);
  const group = await getReadableGroup(ctx, { slug: data.groupSlug });
  if (!canModerateGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const rows = await logEntries(ctx.db)
    .where(and(eq(moderationLog.groupId, group.id), data.action ? eq(moderationLog.action, data.action) : undefined, data.before ? lt(moderationLog.id, data.before) : undefined))
    .orderBy(desc(moderationLog.id))
    .limit(LOG_PAGE + 1);
  return { group, entries: rows.slice(0, LOG_PAGE), nextBefore: rows.length > LOG_PAGE ? rows[LOG_PAGE - 1]!.id : null, action: data.action ?? null };
}
