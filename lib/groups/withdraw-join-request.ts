import { and, eq } from 'drizzle-orm';
import { joinRequests } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { parseInput } from '../validate';
import { getGroupAccess } from './group-access';
import { slugInput } from './group-schemas';

/** Takes back one's own waiting request. */
export async function withdrawJoinRequest(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug } = parseInput(slugInput, input);
  const group = await getGroupAccess(ctx, { slug: groupSlug });
  const withdrawn = await ctx.db
    .update(joinRequests)
    .set({ status: 'withdrawn', decidedAt: new Date() })
    .where(and(eq(joinRequests.groupId, group.id), eq(joinRequests.memberId, ctx.viewer.id), eq(joinRequests.status, 'pending')))
    .returning({ id: joinRequests.id });
  if (withdrawn.length === 0) throw new ConflictError('You have no waiting request for this group.');
}
