import { and, eq, inArray, sql } from 'drizzle-orm';
import { groupBans, groupMembers, groups } from '@/db/schema';
import type { Ctx } from '../context';
import { canReadGroup, type GroupAccess } from '../permissions';

export type GroupSummary = { id: number; slug: string; name: string; visibility: 'public' | 'private'; parentId: number | null };

/** Subgroups nest one level today; the cap only stops a corrupt parent cycle from looping. */
const MAX_DEPTH = 8;

/**
 * Which of `groupIds` (or of all groups) the viewer may read, decided by canReadGroup with each group's parent
 * chain, as lib/groups/list-groups.ts does for the home page, but loading only the groups
 * asked about and their ancestors rather than every group on the site.
 */
export async function readableGroups(ctx: Ctx, groupIds: Iterable<number> | 'all'): Promise<Map<number, GroupSummary>> {
  const viewerId = ctx.viewer?.id ?? -1;
  type Row = GroupSummary & Omit<GroupAccess, 'parent' | 'pending'>;
  const loaded = new Map<number, Row>();
  let missing: number[] | 'all' = groupIds === 'all' ? 'all' : [...new Set(groupIds)];
  for (let depth = 0; (missing === 'all' || missing.length > 0) && depth < MAX_DEPTH; depth++) {
    const rows = await ctx.db
      .select({
        id: groups.id,
        slug: groups.slug,
        name: groups.name,
        visibility: groups.visibility,
        joinPolicy: groups.joinPolicy,
        postingPolicy: groups.postingPolicy,
        parentId: groups.parentId,
        role: groupMembers.role,
        banned: sql<boolean>`exists (select 1 from ${groupBans} b where b.group_id = ${groups.id} and b.member_id = ${viewerId})`,
      })
      .from(groups)
      .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, viewerId)))
      .where(missing === 'all' ? undefined : inArray(groups.id, missing));
    for (const row of rows) loaded.set(row.id, row);
    missing = [...new Set(rows.map((r) => r.parentId).filter((id): id is number => id !== null && !loaded.has(id)))];
  }

  const access = (id: number, depth = 0): GroupAccess | null => {
    const row = loaded.get(id);
    if (!row || depth > MAX_DEPTH) return null;
    const parent = row.parentId === null ? null : access(row.parentId, depth + 1);
    // A parent we could not load is treated as closed, never as absent.
    if (row.parentId !== null && parent === null) return null;
    return { ...row, pending: false, parent };
  };

  const readable = new Map<number, GroupSummary>();
  for (const id of groupIds === 'all' ? loaded.keys() : new Set(groupIds)) {
    const group = access(id);
    const row = loaded.get(id);
    if (group && row && canReadGroup(ctx.viewer, group)) {
      readable.set(id, { id: row.id, slug: row.slug, name: row.name, visibility: row.visibility, parentId: row.parentId });
    }
  }
  return readable;
}
