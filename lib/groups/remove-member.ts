import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groupBans, groupMembers, joinRequests } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { canBanMember, canRemoveMember } from '../permissions';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { assertAnotherOwner } from './change-role';
import { getReadableGroup } from './group-access';
import { slugInput } from './group-schemas';
import { memberStanding } from './member-standing';

export const removeMemberSchema = slugInput.extend({
  memberId: recordId,
  ban: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
});

/**
 * A moderator removes someone from the group; with `ban`, for good: they cannot rejoin,
 * ask to, accept an invitation, or read the group if it is private. A ban also works on
 * someone who has already left, so they cannot come back.
 */
export async function removeMember(ctx: SignedInCtx, input: unknown): Promise<void> {
  const data = parseInput(removeMemberSchema, input);
  await ctx.db.transaction(async (tx) => {
    const group = await getReadableGroup({ db: tx, viewer: ctx.viewer }, { slug: data.groupSlug }, { lock: true });
    const target = await memberStanding(tx, group.id, data.memberId, { lock: true });
    const standing = { memberId: target.memberId, role: target.role ?? 'member' };
    const allowed = data.ban ? canBanMember(ctx.viewer, group, standing) : canRemoveMember(ctx.viewer, group, standing);
    if (!allowed) throw new ForbiddenError(data.memberId === ctx.viewer.id ? 'To leave, use "Leave group".' : 'You cannot remove this member.');
    if (target.role === null && !data.ban) throw new NotFoundError('This person is not a member of the group.');
    if (target.role === 'owner') await assertAnotherOwner(tx, group.id);
    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberId, target.memberId)));
    if (!data.ban) return;
    await tx.insert(groupBans).values({ groupId: group.id, memberId: target.memberId, bannedById: ctx.viewer.id, reason: data.reason ?? null }).onConflictDoNothing();
    await tx
      .update(joinRequests)
      .set({ status: 'declined', decidedById: ctx.viewer.id, decidedAt: new Date() })
      .where(and(eq(joinRequests.groupId, group.id), eq(joinRequests.memberId, target.memberId), eq(joinRequests.status, 'pending')));
  });
}
