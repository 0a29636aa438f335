import { desc, eq } from 'drizzle-orm';
import { invitations, members } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canInvite } from '../permissions';
import { getReadableGroup } from './group-access';

/** A group's invitations for its owners and moderators, newest first. Tokens are not stored, so links cannot be shown again. */
export async function listInvitations(ctx: Ctx, groupSlug: string) {
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (!canInvite(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const rows = await ctx.db
    .select({
      id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt, maxUses: invitations.maxUses,
      useCount: invitations.useCount, revokedAt: invitations.revokedAt, createdAt: invitations.createdAt, createdBy: members.name,
    })
    .from(invitations)
    .innerJoin(members, eq(members.id, invitations.createdById))
    .where(eq(invitations.groupId, group.id))
    .orderBy(desc(invitations.createdAt))
    .limit(100);
  return { group, invitations: rows };
}
