import { and, asc, eq, sql } from 'drizzle-orm';
import { groupBans, groupMembers, groups } from '@/db/schema';
import type { Ctx } from '../context';
import { canReadGroup, type GroupAccess } from '../permissions';

export type GroupListing = {
  slug: string;
  name: string;
  description: string;
  city: string | null;
  region: string | null;
  visibility: 'public' | 'private';
  parentSlug: string | null;
  isMember: boolean;
  /** Null where the viewer may not read the group: outsiders see only its name and description. */
  activity: { threadCount: number; postCount: number; lastPostedAt: Date | null } | null;
};

/** The groups on the home page, subgroups under their parent, with counters where the viewer may read them. */
export async function listGroups(ctx: Ctx): Promise<GroupListing[]> {
  const viewerId = ctx.viewer?.id ?? -1;
  const rows = await ctx.db
    .select({
      group: groups,
      role: groupMembers.role,
      banned: sql<boolean>`exists (select 1 from ${groupBans} b where b.group_id = ${groups.id} and b.member_id = ${viewerId})`,
    })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, viewerId)))
    .orderBy(sql`coalesce(${groups.parentId}, ${groups.id})`, sql`${groups.parentId} nulls first`, asc(groups.name));
  const byId = new Map(rows.map((r) => [r.group.id, r]));
  const access = (id: number): GroupAccess => {
    const { group, role, banned } = byId.get(id)!;
    return { ...group, role, banned, pending: false, parent: group.parentId ? access(group.parentId) : null };
  };
  return rows.map(({ group, role }) => ({
    slug: group.slug,
    name: group.name,
    description: group.description,
    city: group.city,
    region: group.region,
    visibility: group.visibility,
    parentSlug: group.parentId ? byId.get(group.parentId)!.group.slug : null,
    isMember: role !== null,
    activity: canReadGroup(ctx.viewer, access(group.id))
      ? { threadCount: group.threadCount, postCount: group.postCount, lastPostedAt: group.lastPostedAt }
      : null,
  }));
}
