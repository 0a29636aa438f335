import { and, asc, eq, sql } from 'drizzle-orm';
import { groupBans, groupMembers, groupSilences, members } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canBanMember, canChangeRole, canModerateGroup, canRemoveMember, canSilenceMember } from '../permissions';
import { getReadableGroup } from './group-access';

const ROSTER_LIMIT = 500;

/** The moderators' view of who is in a group and who is banned, with what the viewer may do to each. */
export async function listRoster(ctx: Ctx, groupSlug: string) {
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (!canModerateGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const roleOrder = sql`case ${groupMembers.role} when 'owner' then 0 when 'moderator' then 1 else 2 end`;
  const rows = await ctx.db
    .select({
      memberId: members.id, name: members.name, profession: members.profession, role: groupMembers.role, joinedAt: groupMembers.joinedAt,
      silencedUntil: sql<Date | null>`case when ${groupSilences.until} > now() then ${groupSilences.until} end`.mapWith(groupSilences.until),
    })
    .from(groupMembers)
    .innerJoin(members, eq(members.id, groupMembers.memberId))
    .leftJoin(groupSilences, and(eq(groupSilences.groupId, groupMembers.groupId), eq(groupSilences.memberId, groupMembers.memberId)))
    .where(eq(groupMembers.groupId, group.id))
    .orderBy(roleOrder, asc(members.name))
    .limit(ROSTER_LIMIT);
  const bans = await ctx.db
    .select({ memberId: members.id, name: members.name, reason: groupBans.reason, createdAt: groupBans.createdAt })
    .from(groupBans)
    .innerJoin(members, eq(members.id, groupBans.memberId))
    .where(eq(groupBans.groupId, group.id))
    .orderBy(asc(members.name));
  return {
    group,
    members: rows.map((m) => ({
      ...m,
      canChangeRole: canChangeRole(ctx.viewer, group, m),
      canRemove: canRemoveMember(ctx.viewer, group, m),
      canBan: canBanMember(ctx.viewer, group, m),
      canSilence: canSilenceMember(ctx.viewer, group, m),
    })),
    truncated: rows.length === ROSTER_LIMIT,
    bans,
  };
}
