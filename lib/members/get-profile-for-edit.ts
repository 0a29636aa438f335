import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { NotFoundError } from '../errors';
import { profileColumns } from './profile-columns';
import { avatarUrl } from './urls';

/** The signed-in member's own profile, as the settings form edits it. There is no way to ask for anyone else's. */
export async function getProfileForEdit(ctx: SignedInCtx) {
  const [row] = await ctx.db
    .select(profileColumns)
    .from(members)
    .where(eq(members.id, ctx.viewer.id))
    .limit(1);
  if (!row) throw new NotFoundError('No such member.');
  const { avatarUpdatedAt, ...profile } = row;
  return { ...profile, avatarUrl: avatarUrl(row.id, avatarUpdatedAt) };
}

export type EditableProfile = Awaited<ReturnType<typeof getProfileForEdit>>;
