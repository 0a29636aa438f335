import { and, eq, gt } from 'drizzle-orm';
import { groupSilences } from '@/db/schema';
import type { Db } from '@/db/client';
import type { SignedInCtx, Viewer } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { getReadableGroup, type GroupWithAccess } from '../groups/group-access';
import { slugInput } from '../groups/group-schemas';
import { memberStanding } from '../groups/member-standing';
import { canSilenceMember } from '../permissions';
import { moderationReason, recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { penaltyEnd, penaltySchema } from './penalty-schemas';
import { recordModeration } from './record-moderation';

export const silenceMemberSchema = slugInput.extend(penaltySchema.shape);
export const liftSilenceSchema = slugInput.extend({ memberId: recordId, reason: moderationReason });

/** Locks the group and checks that the viewer may silence the member there. */
async function silenceTarget(tx: Db, ctx: SignedInCtx, groupSlug: string, memberId: number): Promise<GroupWithAccess> {
  const group = await getReadableGroup({ db: tx, viewer: ctx.viewer }, { slug: groupSlug }, { lock: true });
  await assertMaySilence(tx, ctx.viewer, group, memberId);
  return group;
}

export async function assertMaySilence(tx: Db, moderator: Viewer, group: GroupWithAccess, memberId: number): Promise<void> {
  const target = await memberStanding(tx, group.id, memberId);
  if (!canSilenceMember(moderator, group, { memberId, role: target.role ?? 'member' })) throw new ForbiddenError('You cannot silence this member.');
}

/**
 * A moderator silences someone in their group for some days: they keep reading it, but
 * cannot start threads, reply or edit there. Silencing again replaces the end and the reason.
 */
export async function silenceMember(ctx: SignedInCtx, input: unknown): Promise<{ until: Date }> {
  const { groupSlug, memberId, days, reason } = parseInput(silenceMemberSchema, input);
  return ctx.db.transaction(async (tx) => {
    const group = await silenceTarget(tx, ctx, groupSlug, memberId);
    const until = penaltyEnd(days);
    await silenceInGroup(tx, { groupId: group.id, memberId, moderatorId: ctx.viewer.id, until, reason });
    return { until };
  });
}

/** Shared with the flag review, which may silence the author of a post it agrees to remove. */
export async function silenceInGroup(tx: Db, s: { groupId: number; memberId: number; moderatorId: number; until: Date; reason: string }): Promise<void> {
  await tx
    .insert(groupSilences)
    .values({ groupId: s.groupId, memberId: s.memberId, silencedById: s.moderatorId, until: s.until, reason: s.reason })
    .onConflictDoUpdate({ target: [groupSilences.groupId, groupSilences.memberId], set: { until: s.until, reason: s.reason, silencedById: s.moderatorId } });
  await recordModeration(tx, { groupId: s.groupId, actorId: s.moderatorId, action: 'silence', memberId: s.memberId, reason: s.reason });
}

/** Ends a silence before its time. */
export async function liftSilence(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug, memberId, reason } = parseInput(liftSilenceSchema, input);
  await ctx.db.transaction(async (tx) => {
    const group = await silenceTarget(tx, ctx, groupSlug, memberId);
    const lifted = await tx
      .delete(groupSilences)
      .where(and(eq(groupSilences.groupId, group.id), eq(groupSilences.memberId, memberId), gt(groupSilences.until, new Date())))
      .returning({ memberId: groupSilences.memberId });
    if (lifted.length === 0) throw new ConflictError('This member is not silenced here.');
    await recordModeration(tx, { groupId: group.id, actorId: ctx.viewer.id, action: 'unsilence', memberId, reason: reason ?? null });
  });
}
