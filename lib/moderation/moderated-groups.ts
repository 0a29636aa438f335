import { and, eq, inArray, notExists } from 'drizzle-orm';
import { groupBans, groupMembers } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { readableGroups } from '../members/readable-groups';

/**
 * The groups the viewer moderates and can still read, by name: the destinations a thread may
 * be moved to (lib/moderation/move-thread.ts checks again). Site admins moderate every group.
 */
export async function listModeratedGroups(ctx: SignedInCtx): Promise<{ id: number; slug: string; name: string }[]> {
  const viewer = ctx.viewer;
  let ids: number[] | 'all' = 'all';
  if (!viewer.isAdmin) {
    const rows = await ctx.db
      .select({ id: groupMembers.groupId })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.memberId, viewer.id),
          inArray(groupMembers.role, ['owner', 'moderator']),
          notExists(ctx.db.select().from(groupBans).where(and(eq(groupBans.groupId, groupMembers.groupId), eq(groupBans.memberId, viewer.id)))),
        ),
      );
    ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
  }
  const readable = await readableGroups(ctx, ids);
  return [...readable.values()].map(({ id, slug, name }) => ({ id, slug, name })).sort((a, b) => a.name.localeCompare(b.name));
}
