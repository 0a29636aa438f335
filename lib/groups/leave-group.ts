import { and, eq } from 'drizzle-orm';
import { groupMembers } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { canLeaveGroup } from '../permissions';
import { parseInput } from '../validate';
import { assertAnotherOwner } from './change-role';
import { getGroupAccess } from './group-access';
import { slugInput } from './group-schemas';

/** Leaves a group, freeing any profession seat; the last owner must hand over first. */
export async function leaveGroup(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug } = parseInput(slugInput, input);
  await ctx.db.transaction(async (tx) => {
    const group = await getGroupAccess({ db: tx, viewer: ctx.viewer }, { slug: groupSlug }, { lock: true });
    if (!canLeaveGroup(ctx.viewer, group)) throw new ConflictError('You are not a member of this group.');
    if (group.role === 'owner') await assertAnotherOwner(tx, group.id);
    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberId, ctx.viewer.id)));
  });
}
