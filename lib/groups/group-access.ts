import { and, eq, sql, type SQL } from 'drizzle-orm';
import { groupBans, groupMembers, groups, groupSilences, joinRequests } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canReadGroup, type GroupAccess } from '../permissions';

export type GroupRow = typeof groups.$inferSelect;
export type GroupWithAccess = GroupRow & GroupAccess & { parentGroup: (GroupRow & GroupAccess) | null };

async function loadGroup(ctx: Ctx, where: SQL, lock: boolean): Promise<GroupWithAccess | null> {
  const viewerId = ctx.viewer?.id ?? -1;
  const query = ctx.db
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
  const [row] = await (lock ? query.for('update', { of: groups }) : query);
  if (!row) return null;
  const parentGroup = row.group.parentId ? await loadGroup(ctx, eq(groups.id, row.group.parentId), false) : null;
  const silence = row.silence?.until ? { until: row.silence.until, reason: row.silence.reason! } : null;
  return { ...row.group, role: row.role, banned: row.banned, pending: row.pending, silence, parent: parentGroup, parentGroup };
}

/** A group with the viewer's standing in it, readable or not: for verbs that decide for themselves. */
export async function getGroupAccess(ctx: Ctx, by: { slug: string } | { id: number }, opts = { lock: false }) {
  const where = 'slug' in by ? eq(groups.slug, by.slug) : eq(groups.id, by.id);
  const group = await loadGroup(ctx, where, opts.lock);
  if (!group) throw new NotFoundError('No such group.');
  return group;
}

/**
 * A group the viewer may read, with their standing in it. A group they may not read is
 * reported as not found, so a guessed slug cannot confirm that a private group exists.
 */
export async function getReadableGroup(ctx: Ctx, by: { slug: string } | { id: number }, opts = { lock: false }) {
  const group = await getGroupAccess(ctx, by, opts);
  if (!canReadGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  return group;
}
