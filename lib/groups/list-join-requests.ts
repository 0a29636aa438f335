import { and, asc, desc, eq } from 'drizzle-orm';
import { joinRequests, members } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canReviewJoinRequests } from '../permissions';
import { getReadableGroup } from './group-access';

/** The moderators' queue: waiting requests, oldest first, with who is asking. */
export async function listJoinRequests(ctx: Ctx, groupSlug: string) {
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (!canReviewJoinRequests(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const rows = await ctx.db
    .select({ id: joinRequests.id, message: joinRequests.message, createdAt: joinRequests.createdAt, memberId: members.id, name: members.name, profession: members.profession, city: members.city })
    .from(joinRequests)
    .innerJoin(members, eq(members.id, joinRequests.memberId))
    .where(and(eq(joinRequests.groupId, group.id), eq(joinRequests.status, 'pending')))
    .orderBy(asc(joinRequests.createdAt));
  return { group, requests: rows };
}

/** The viewer's latest request to a group, so they see "pending", or the answer they got. */
export async function myJoinRequest(ctx: Ctx, groupId: number) {
  if (!ctx.viewer) return null;
  const [latest] = await ctx.db
    .select({ status: joinRequests.status, response: joinRequests.response, decidedAt: joinRequests.decidedAt })
    .from(joinRequests)
    .where(and(eq(joinRequests.groupId, groupId), eq(joinRequests.memberId, ctx.viewer.id)))
    .orderBy(desc(joinRequests.createdAt))
    .limit(1);
  return latest ?? null;
}
