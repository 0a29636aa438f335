import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canJoinGroup } from '../permissions';
import { parseInput } from '../validate';
import { addMember } from './add-member';
import { getGroupAccess } from './group-access';

export const joinGroupSchema = z.object({ groupSlug: z.string({ error: 'Choose a group.' }).min(1, 'Choose a group.').max(100) });

/** Joins an open group in one click (holding a profession seat where the group has that rule). */
export async function joinGroup(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug } = parseInput(joinGroupSchema, input);
  await ctx.db.transaction(async (tx) => {
    // Private groups can be open to join too: outsiders see their name and description, and may join.
    const group = await getGroupAccess({ db: tx, viewer: ctx.viewer }, { slug: groupSlug });
    if (group.role !== null) throw new ConflictError('You are already a member of this group.');
    if (group.banned) throw new ForbiddenError('You were removed from this group and cannot rejoin it.');
    if (!canJoinGroup(ctx.viewer, group)) {
      throw new ForbiddenError(
        group.joinPolicy === 'invite' ? 'This group admits new members by invitation only.' : 'This group admits new members on request: ask to join instead.',
      );
    }
    await addMember(tx, group, ctx.viewer.id);
  });
}
