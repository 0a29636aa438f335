import { eq } from 'drizzle-orm';
import { memberAvatars } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';

/**
 * A member's avatar image. Avatars are as public as profiles, and are served with public
 * caching, so the answer does not depend on who asks.
 */
export async function getAvatar(ctx: Ctx, memberId: number): Promise<{ image: Buffer; contentType: string; updatedAt: Date }> {
  const [avatar] = await ctx.db
    .select({ image: memberAvatars.image, contentType: memberAvatars.contentType, updatedAt: memberAvatars.updatedAt })
    .from(memberAvatars)
    .where(eq(memberAvatars.memberId, memberId))
    .limit(1);
  if (!avatar) throw new NotFoundError('No avatar.');
  return avatar;
}
