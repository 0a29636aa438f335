import { and, asc, eq, sql } from 'drizzle-orm';
import { groupMembers, groups } from '@/db/schema';
import type { Ctx } from '../context';
import { canReadGroup } from '../permissions';

export type GroupListing = {
  slug: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  parentSlug: string | null;
  isMember: boolean;
  /** Null where the viewer may not read the group: outsiders see only its name and description. */
  activity: { threadCount: number; postCount: number; lastPostedAt: Date | null } | null;
};

/** The groups on the home page, each with its counters when the viewer may read it. */
export async function listGroups(ctx: Ctx): Promise<GroupListing[]> {
  const viewerId = ctx.viewer?.id ?? -1;
  const parent = sql<string | null>`(select p.slug from ${groups} p where p.id = ${groups.parentId})`;
  const rows = await ctx.db
    .select({ group: groups, role: groupMembers.role, parentSlug: parent })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, viewerId)))
    .orderBy(sql`coalesce(${groups.parentId}, ${groups.id})`, sql`${groups.parentId} nulls first`, asc(groups.name));
  return rows.map(({ group, role, parentSlug }) => ({
    slug: group.slug,
    name: group.name,
    description: group.description,
    visibility: group.visibility,
    parentSlug,
    isMember: role !== null,
    activity: canReadGroup(ctx.viewer, { ...group, role })
      ? { threadCount: group.threadCount, postCount: group.postCount, lastPostedAt: group.lastPostedAt }
      : null,
  }));
}
