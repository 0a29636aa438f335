import { and, eq } from 'drizzle-orm';
import { groupBans } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { canModerateGroup } from '../permissions';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { getReadableGroup } from './group-access';
import { slugInput } from './group-schemas';

export const unbanMemberSchema = slugInput.extend({ memberId: recordId });

/** Lifts a ban: the person may ask or be invited again (they are not made a member). */
export async function unbanMember(ctx: SignedInCtx, input: unknown): Promise<void> {
  const data = parseInput(unbanMemberSchema, input);
  const group = await getReadableGroup(ctx, { slug: data.groupSlug });
  if (!canModerateGroup(ctx.viewer, group)) throw new ForbiddenError('Only owners and moderators can lift bans.');
  const lifted = await ctx.db
    .delete(groupBans)
    .where(and(eq(groupBans.groupId, group.id), eq(groupBans.memberId, data.memberId)))
    .returning({ memberId: groupBans.memberId });
  if (lifted.length === 0) throw new ConflictError('This person is not banned from the group.');
}
