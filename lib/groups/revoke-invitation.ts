import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invitations } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { canInvite } from '../permissions';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { getGroupAccess } from './group-access';

export const revokeInvitationSchema = z.object({ invitationId: recordId });

/** Kills an invitation link before it expires. */
export async function revokeInvitation(ctx: SignedInCtx, input: unknown): Promise<{ groupSlug: string }> {
  const { invitationId } = parseInput(revokeInvitationSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
    const group = invitation ? await getGroupAccess({ db: tx, viewer: ctx.viewer }, { id: invitation.groupId }) : null;
    if (!invitation || !group || !canInvite(ctx.viewer, group)) throw new NotFoundError('No such invitation.');
    if (invitation.revokedAt) throw new ConflictError('This invitation was already revoked.');
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
    return { groupSlug: group.slug };
  });
}
