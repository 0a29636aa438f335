import { eq } from 'drizzle-orm';
import { memberAvatars, members } from '@/db/schema';
import type { SignedInCtx } from '../context';

/** Removes the signed-in member's avatar, if any; removing it twice is not an error. */
export async function removeAvatar(ctx: SignedInCtx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(memberAvatars).where(eq(memberAvatars.memberId, ctx.viewer.id));
    await tx.update(members).set({ avatarUpdatedAt: null }).where(eq(members.id, ctx.viewer.id));
  });
}
