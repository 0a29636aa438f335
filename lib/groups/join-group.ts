import { z } from 'zod';
import { groupMembers } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canJoinGroup } from '../permissions';
import { parseInput } from '../validate';
import { getReadableGroup } from './group-access';

export const joinGroupSchema = z.object({ groupSlug: z.string({ error: 'Choose a group.' }).min(1).max(100) });

/** Joins an open group in one click. Request-only and invitation-only groups are the groups issue's work. */
export async function joinGroup(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug } = parseInput(joinGroupSchema, input);
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (group.role !== null) throw new ConflictError('You are already a member of this group.');
  if (!canJoinGroup(ctx.viewer, group)) throw new ForbiddenError('This group admits new members by request or invitation only.');
  await ctx.db.insert(groupMembers).values({ groupId: group.id, memberId: ctx.viewer.id, role: 'member' }).onConflictDoNothing();
}
