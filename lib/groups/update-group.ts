import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { groupMembers, groups, members } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { canEditGroup } from '../permissions';
import { parseInput } from '../validate';
import { getReadableGroup } from './group-access';
import { groupSettingsSchema, slugInput } from './group-schemas';

export const updateGroupSchema = groupSettingsSchema.extend(slugInput.shape);

/**
 * Changes a group's settings (owners and site admins). Making a group private makes its
 * circles private in the same transaction; turning on one seat per profession seats the
 * current members, and is refused while two of them share a profession.
 */
export async function updateGroup(ctx: SignedInCtx, input: unknown): Promise<void> {
  const { groupSlug, ...settings } = parseInput(updateGroupSchema, input);
  await ctx.db.transaction(async (tx) => {
    const group = await getReadableGroup({ db: tx, viewer: ctx.viewer }, { slug: groupSlug }, { lock: true });
    if (!canEditGroup(ctx.viewer, group)) throw new ForbiddenError('Only the owners of this group can change its settings.');
    if (group.parentGroup?.visibility === 'private' && settings.visibility === 'public') {
      throw new InvalidInputError('A circle inside a private group must be private too.', { visibility: ['Must be private, like its parent.'] });
    }
    await tx.update(groups).set(settings).where(eq(groups.id, group.id));
    if (settings.visibility === 'private') {
      await tx.update(groups).set({ visibility: 'private' }).where(eq(groups.parentId, group.id));
    }
    if (settings.onePerProfession !== group.onePerProfession) await reseat(tx, group.id, group.name, settings.onePerProfession);
  });
}

async function reseat(tx: SignedInCtx['db'], groupId: number, groupName: string, onePerProfession: boolean) {
  if (!onePerProfession) {
    await tx.update(groupMembers).set({ professionSeat: null }).where(and(eq(groupMembers.groupId, groupId), isNotNull(groupMembers.professionSeat)));
    return;
  }
  try {
    await tx.execute(sql`
      update ${groupMembers} gm set profession_seat = nullif(regexp_replace(lower(trim(m.profession)), '\s+', ' ', 'g'), '')
      from ${members} m where m.id = gm.member_id and gm.group_id = ${groupId}`);
  } catch (error) {
    if (isUniqueViolation(error, 'group_members_profession_seat_key')) {
      throw new ConflictError(`Two members of ${groupName} share a profession: one seat per profession cannot be turned on yet.`);
    }
    throw error;
  }
}
