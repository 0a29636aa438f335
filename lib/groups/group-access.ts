import { and, eq, type SQL } from 'drizzle-orm';
import { groupMembers, groups } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canReadGroup, type GroupAccess } from '../permissions';

export type GroupRow = typeof groups.$inferSelect;
export type GroupWithAccess = GroupRow & GroupAccess;

async function loadGroup(ctx: Ctx, where: SQL, lock: boolean): Promise<GroupWithAccess | null> {
  const viewerId = ctx.viewer?.id ?? -1;
  const query = ctx.db
    .select({ group: groups, role: groupMembers.role })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, viewerId)))
    .where(where)
    .limit(1);
  const [row] = await (lock ? query.for('update', { of: groups }) : query);
  return row ? { ...row.group, role: row.role } : null;
}

/**
 * A group the viewer may read, with their role in it. A group they may not read is
 * reported as not found, so a guessed slug cannot confirm that a private group exists.
 */
export async function getReadableGroup(ctx: Ctx, by: { slug: string } | { id: number }, opts = { lock: false }) {
  const where = 'slug' in by ? eq(groups.slug, by.slug) : eq(groups.id, by.id);
  const group = await loadGroup(ctx, where, opts.lock);
  if (!group || !canReadGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  return group;
}
