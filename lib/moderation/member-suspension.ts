import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { Ctx } from '../context';
import { canSuspendMember } from '../permissions';

/** For a site admin looking at a profile: whether they may suspend the member, and the suspension in force. Null for everyone else. */
export async function suspensionOf(ctx: Ctx, memberId: number) {
  if (!ctx.viewer?.isAdmin) return null;
  const [target] = await ctx.db
    .select({ id: members.id, isAdmin: members.isAdmin, until: members.suspendedUntil, reason: members.suspendedReason })
    .from(members)
    .where(eq(members.id, memberId));
  if (!target || !canSuspendMember(ctx.viewer, target)) return null;
  const current = target.until && target.until > new Date() ? { until: target.until, reason: target.reason ?? '' } : null;
  return { current };
}
