import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { joinRequests, notifications } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { canReviewJoinRequests } from '../permissions';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { addMember } from './add-member';
import { getGroupAccess } from './group-access';
import { memberStanding } from './member-standing';

export const reviewJoinRequestSchema = z.object({
  requestId: recordId,
  decision: z.enum(['approve', 'decline'], 'Choose approve or decline.'),
  response: z.string().trim().max(500, 'Keep the answer under 500 characters.').optional(),
});

/**
 * A moderator approves or declines a waiting request. The request row is locked, so two
 * moderators deciding at once cannot both act; approving seats the applicant under the
 * group's profession rule, and a refused seat leaves the request waiting.
 */
export async function reviewJoinRequest(ctx: SignedInCtx, input: unknown): Promise<{ groupSlug: string }> {
  const data = parseInput(reviewJoinRequestSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [request] = await tx.select().from(joinRequests).where(eq(joinRequests.id, data.requestId)).for('update');
    if (!request) throw new NotFoundError('No such request.');
    const group = await getGroupAccess({ db: tx, viewer: ctx.viewer }, { id: request.groupId });
    if (!canReviewJoinRequests(ctx.viewer, group)) throw new NotFoundError('No such request.');
    if (request.status === 'approved') throw new ConflictError('This request was already approved.');
    if (request.status === 'declined') throw new ConflictError('This request was already declined.');
    if (request.status === 'withdrawn') throw new ConflictError('This request was withdrawn by the person who sent it.');
    if (data.decision === 'approve') {
      const applicant = await memberStanding(tx, group.id, request.memberId);
      if (applicant.banned) throw new ForbiddenError('This person was removed from the group and cannot be admitted.');
      if (applicant.role === null) await addMember(tx, group, request.memberId);
      await tx.insert(notifications).values({ memberId: request.memberId, kind: 'join_approved', groupId: group.id, actorId: ctx.viewer.id });
    }
    await tx
      .update(joinRequests)
      .set({ status: data.decision === 'approve' ? 'approved' : 'declined', decidedById: ctx.viewer.id, decidedAt: new Date(), response: data.response ?? null })
      .where(eq(joinRequests.id, request.id));
    return { groupSlug: group.slug };
  });
}
