import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groupMembers } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { canChangeRole } from '../permissions';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { getReadableGroup } from './group-access';
import { slugInput } from './group-schemas';
import { memberStanding } from './member-standing';

export const changeRoleSchema = slugInput.extend({ memberId: recordId, role: z.enum(['owner', 'moderator', 'member'], 'Choose a role.') });

/** Owners promote and demote others; nobody changes their own role, and a group always keeps an owner. */
export async function changeRole(ctx: SignedInCtx, input: unknown): Promise<void> {
  const data = parseInput(changeRoleSchema, input);
  await ctx.db.transaction(async (tx) => {
    // Locking the group serialises role changes, so two owners cannot demote each other at once.
    const group = await getReadableGroup({ db: tx, viewer: ctx.viewer }, { slug: data.groupSlug }, { lock: true });
    const target = await memberStanding(tx, group.id, data.memberId);
    if (data.memberId === ctx.viewer.id) throw new ForbiddenError('You cannot change your own role.');
    if (target.role === null) throw new NotFoundError('This person is not a member of the group.');
    if (!canChangeRole(ctx.viewer, group, { memberId: target.memberId, role: target.role })) throw new ForbiddenError('Only owners can change roles.');
    if (target.role === data.role) return;
    if (target.role === 'owner') await assertAnotherOwner(tx, group.id);
    await tx.update(groupMembers).set({ role: data.role }).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberId, target.memberId)));
  });
}

/** Refuses a change that would leave the group without an owner. */
export async function assertAnotherOwner(tx: SignedInCtx['db'], groupId: number): Promise<void> {
  const [owners] = await tx.select({ n: count() }).from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'owner')));
  if ((owners?.n ?? 0) <= 1) throw new ConflictError('A group needs an owner: make someone else owner first.');
}
