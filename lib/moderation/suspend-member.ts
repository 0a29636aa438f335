import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { members, memberSessions } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { canSuspendMember } from '../permissions';
import { moderationReason, recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { penaltyEnd, penaltySchema } from './penalty-schemas';
import { recordModeration } from './record-moderation';

export const liftSuspensionSchema = z.object({ memberId: recordId, reason: moderationReason });

async function suspendable(tx: Db, ctx: SignedInCtx, memberId: number) {
  const [target] = await tx.select({ id: members.id, isAdmin: members.isAdmin }).from(members).where(eq(members.id, memberId)).for('update');
  if (!target) throw new NotFoundError('No such member.');
  if (!canSuspendMember(ctx.viewer, target)) throw new ForbiddenError('Only site admins suspend members, and never another admin.');
  return target;
}

/**
 * A site admin shuts a member out for some days: their sessions end now, and signing in
 * is refused with the end date and the reason until then.
 */
export async function suspendMember(ctx: SignedInCtx, input: unknown): Promise<{ until: Date }> {
  const { memberId, days, reason } = parseInput(penaltySchema, input);
  const until = penaltyEnd(days);
  await ctx.db.transaction(async (tx) => {
    await suspendable(tx, ctx, memberId);
    await tx.update(members).set({ suspendedUntil: until, suspendedReason: reason }).where(eq(members.id, memberId));
    await tx.delete(memberSessions).where(eq(memberSessions.memberId, memberId));
    await recordModeration(tx, { actorId: ctx.viewer.id, action: 'suspend', memberId, reason });
  });
  return { until };
}

/** Ends a suspension before its time. */
export async function liftSuspension(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { memberId, reason } = parseInput(liftSuspensionSchema, input);
  await ctx.db.transaction(async (tx) => {
    await suspendable(tx, ctx, memberId);
    const lifted = await tx
      .update(members)
      .set({ suspendedUntil: null, suspendedReason: null })
      .where(and(eq(members.id, memberId), gt(members.suspendedUntil, new Date())))
      .returning({ id: members.id });
    if (lifted.length === 0) throw new ConflictError('This member is not suspended.');
    await recordModeration(tx, { actorId: ctx.viewer.id, action: 'unsuspend', memberId, reason: reason ?? null });
  });
}
