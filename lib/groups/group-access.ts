import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { groupBans, groupMembers, groups, groupSilences, joinRequests } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canReadGroup, type GroupAccess } from '../permissions';

export type GroupRow = typeof groups.$inferSelect;
export type GroupWithAccess = GroupRow & GroupAccess & { parentGroup: (GroupRow & GroupAccess) | null };

type GroupKey = { slug: string } | { id: number };

/** The group with the viewer's standing in it: their role, silence, ban and pending request. */
function selectGroupAccess(db: Db, viewerId: number | Placeholder, where: SQL) {
  return db
    .select({
      group: groups,
      role: groupMembers.role,
      silence: { until: groupSilences.until, reason: groupSilences.reason },
      banned: sql<boolean>`exists (select 1 from ${groupBans} b where b.group_id = ${groups.id} and b.member_id = ${viewerId})`,
      pending: sql<boolean>`exists (select 1 from ${joinRequests} r where r.group_id = ${groups.id} and r.member_id = ${viewerId} and r.status = 'pending')`,
    })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, viewerId)))
    .leftJoin(groupSilences, and(eq(groupSilences.groupId, groups.id), eq(groupSilences.memberId, viewerId)))
    .where(where)
    .limit(1);
}

// Nearly every request reads a group this way: built once, not per request.
const groupById = preparedQuery((db) => selectGroupAccess(db, sql.placeholder('viewerId'), eq(groups.id, sql.placeholder('id'))).prepare('group_access_by_id'));
const groupBySlug = preparedQuery((db) => selectGroupAccess(db, sql.placeholder('viewerId'), eq(groups.slug, sql.placeholder('slug'))).prepare('group_access_by_slug'));

async function selectGroupRow(ctx: Ctx, by: GroupKey, lock: boolean) {
  const viewerId = ctx.viewer?.id ?? -1;
  if (lock) return selectGroupAccess(ctx.db, viewerId, 'slug' in by ? eq(groups.slug, by.slug) : eq(groups.id, by.id)).for('update', { of: groups });
  return 'slug' in by ? groupBySlug(ctx.db).execute({ viewerId, slug: by.slug }) : groupById(ctx.db).execute({ viewerId, id: by.id });
}

async function loadGroup(ctx: Ctx, by: GroupKey, lock: boolean): Promise<GroupWithAccess | null> {
  const [row] = await selectGroupRow(ctx, by, lock);
  if (!row) return null;
  const parentGroup = row.group.parentId ? await loadGroup(ctx, { id: row.group.parentId }, false) : null;
  const silence = row.silence?.until ? { until: row.silence.until, reason: row.silence.reason! } : null;
  return { ...row.group, role: row.role, banned: row.banned, pending: row.pending, silence, parent: parentGroup, parentGroup };
}

/** A group with the viewer's standing in it, readable or not: for verbs that decide for themselves. */
export async function getGroupAccess(ctx: Ctx, by: GroupKey, opts = { lock: false }) {
  const group = await loadGroup(ctx, by, opts.lock);
  if (!group) throw new NotFoundError('No such group.');
  return group;
}

/**
 * A group the viewer may read, with their standing in it. A group they may not read is
 * reported as not found, so a guessed slug cannot confirm that a private group exists.
 */
export async function getReadableGroup(ctx: Ctx, by: GroupKey, opts = { lock: false }) {
  const group = await getGroupAccess(ctx, by, opts);
  if (!canReadGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  return group;
}
