import { z } from 'zod';
import { joinRequests } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { ConflictError, ForbiddenError } from '../errors';
import { canRequestToJoin } from '../permissions';
import { parseInput } from '../validate';
import { getGroupAccess } from './group-access';
import { slugInput } from './group-schemas';

export const requestToJoinSchema = slugInput.extend({
  message: z.string().trim().max(500, 'Keep the message under 500 characters.').default(''),
});

/**
 * Asks to join a request-only group. Anyone may ask, including people who cannot read a
 * private group yet (they see its name and description); the moderators decide.
 */
export async function requestToJoin(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug, message } = parseInput(requestToJoinSchema, input);
  const group = await getGroupAccess(ctx, { slug: groupSlug });
  if (group.role !== null) throw new ConflictError('You are already a member of this group.');
  if (group.pending) throw new ConflictError('Your request is already waiting for the moderators.');
  if (group.banned) throw new ForbiddenError('You were removed from this group and cannot ask to rejoin it.');
  if (!canRequestToJoin(ctx.viewer, group)) {
    throw new ForbiddenError(group.joinPolicy === 'open' ? 'This group is open: join it directly.' : 'This group admits new members by invitation only.');
  }
  try {
    await ctx.db.insert(joinRequests).values({ groupId: group.id, memberId: ctx.viewer.id, message });
  } catch (error) {
    if (isUniqueViolation(error, 'join_requests_pending_key')) throw new ConflictError('Your request is already waiting for the moderators.');
    throw error;
  }
}
