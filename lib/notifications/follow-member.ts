import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberFollows, members } from '@/db/schema';
import type { Ctx, SignedInCtx } from '../context';
import { InvalidInputError, NotFoundError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';

export const followMemberSchema = z.object({
  memberId: recordId,
  // A checkbox sends "on" or nothing; the JSON API sends a boolean.
  includePosts: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
export const unfollowMemberSchema = z.object({ memberId: recordId });

/**
 * Follows a member: their new threads (and, with includePosts, their replies) notify the
 * follower, in groups the follower can read only. Following again changes includePosts.
 */
export async function followMember(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { memberId, includePosts } = parseInput(followMemberSchema, input);
  if (memberId === ctx.viewer.id) throw new InvalidInputError('You cannot follow yourself.');
  const [target] = await ctx.db.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!target) throw new NotFoundError('No such member.');
  await ctx.db
    .insert(memberFollows)
    .values({ followerId: ctx.viewer.id, followedId: memberId, includePosts })
    .onConflictDoUpdate({ target: [memberFollows.followerId, memberFollows.followedId], set: { includePosts } });
}

export async function unfollowMember(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { memberId } = parseInput(unfollowMemberSchema, input);
  await ctx.db.delete(memberFollows).where(and(eq(memberFollows.followerId, ctx.viewer.id), eq(memberFollows.followedId, memberId)));
}

/** Whether the viewer follows the member, and how; null when signed out or looking at themselves. */
export async function followingOf(ctx: Ctx, memberId: number): Promise<{ following: boolean; includePosts: boolean } | null> {
  if (!ctx.viewer || ctx.viewer.id === memberId) return null;
  const [row] = await ctx.db
    .select({ includePosts: memberFollows.includePosts })
    .from(memberFollows)
    .where(and(eq(memberFollows.followerId, ctx.viewer.id), eq(memberFollows.followedId, memberId)));
  return { following: row !== undefined, includePosts: row?.includePosts ?? false };
}
