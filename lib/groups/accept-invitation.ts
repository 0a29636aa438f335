import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invitations, members } from '@/db/schema';
import type { Ctx, SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { canAcceptInvitation } from '../permissions';
import { parseInput } from '../validate';
import { addMember } from './add-member';
import { getGroupAccess } from './group-access';
import { hashInvitationToken } from './invitation-token';

export const acceptInvitationSchema = z.object({ token: z.string({ error: 'This invitation link is not valid.' }).min(20, 'This invitation link is not valid.').max(100, 'This invitation link is not valid.') });

type Invitation = typeof invitations.$inferSelect;

/** Why an invitation cannot be used any more, or null while it can. */
function unusableBecause(invitation: Invitation): string | null {
  if (invitation.revokedAt) return 'This invitation was revoked by the group.';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'This invitation has expired: ask the group for a new one.';
  if (invitation.useCount >= invitation.maxUses) return 'This invitation has been used as many times as it allows.';
  return null;
}

async function findInvitation(db: Ctx['db'], token: string, lock: boolean) {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(token))).limit(1);
  const [invitation] = await (lock ? query.for('update') : query);
  if (!invitation) throw new NotFoundError('This invitation link is not valid.');
  return invitation;
}

/** What the invitation page shows: the group's name and description, and whether the link still works. */
export async function getInvitation(ctx: Ctx, input: unknown) {
  const { token } = parseInput(acceptInvitationSchema, input);
  const invitation = await findInvitation(ctx.db, token, false);
  const group = await getGroupAccess(ctx, { id: invitation.groupId });
  return {
    group: { slug: group.slug, name: group.name, description: group.description, visibility: group.visibility },
    problem: unusableBecause(invitation),
    alreadyMember: group.role !== null,
    forEmail: invitation.email !== null,
  };
}

/**
 * Joins through an invitation, whatever the group's join policy. The invitation row is
 * locked while its use is counted, so a link for N people admits N, however fast they click.
 */
export async function acceptInvitation(ctx: SignedInCtx, input: unknown): Promise<{ groupSlug: string }> {
  const { token } = parseInput(acceptInvitationSchema, input);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findInvitation(tx, token, true);
    const problem = unusableBecause(invitation);
    if (problem) throw new ConflictError(problem);
    const group = await getGroupAccess({ db: tx, viewer: ctx.viewer }, { id: invitation.groupId });
    if (group.role !== null) throw new ConflictError('You are already a member of this group.');
    if (invitation.email) {
      const [me] = await tx.select({ email: members.email }).from(members).where(eq(members.id, ctx.viewer.id));
      if (me?.email !== invitation.email) throw new ForbiddenError('This invitation was sent to another email address.');
    }
    if (group.banned) throw new ForbiddenError('You were removed from this group and cannot rejoin it.');
    if (!canAcceptInvitation(ctx.viewer, group)) {
      const parent = group.parentGroup?.name;
      throw new ForbiddenError(parent ? `Join ${parent} first: this circle is for its members.` : 'Join the parent group first: this circle is for its members.');
    }
    await addMember(tx, group, ctx.viewer.id);
    await tx.update(invitations).set({ useCount: sql`${invitations.useCount} + 1` }).where(eq(invitations.id, invitation.id));
    return { groupSlug: group.slug };
  });
}
