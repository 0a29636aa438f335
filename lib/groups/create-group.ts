import { z } from 'zod';
import { groups } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { canCreateGroup, canCreateSubgroup } from '../permissions';
import { parseInput } from '../validate';
import { addMember } from './add-member';
import { getReadableGroup } from './group-access';
import { groupSettingsSchema, groupSlug } from './group-schemas';

export const createGroupSchema = groupSettingsSchema.extend({ slug: groupSlug, parentSlug: z.string().max(100).optional() });

/**
 * Creates a group (site admins) or a circle inside one (its owners); the creator becomes
 * its owner. A circle of a private group is private too: privacy is inherited, never loosened.
 */
export async function createGroup(ctx: SignedInCtx, input: unknown): Promise<{ slug: string }> {
  const data = parseInput(createGroupSchema, input);
  return ctx.db.transaction(async (tx) => {
    const parent = data.parentSlug ? await getReadableGroup({ db: tx, viewer: ctx.viewer }, { slug: data.parentSlug }) : null;
    if (parent ? !canCreateSubgroup(ctx.viewer, parent) : !canCreateGroup(ctx.viewer)) {
      throw new ForbiddenError(parent ? 'Only the owners of a group can open circles inside it.' : 'Only site admins can create groups.');
    }
    if (parent?.visibility === 'private' && data.visibility === 'public') {
      throw new InvalidInputError('A circle inside a private group must be private too.', { visibility: ['Must be private, like its parent.'] });
    }
    const { slug, parentSlug: _, ...settings } = data;
    try {
      const [group] = await tx
        .insert(groups)
        .values({ ...settings, slug, parentId: parent?.id ?? null })
        .returning();
      await addMember(tx, { ...group!, onePerProfession: false }, ctx.viewer.id, 'owner');
      return { slug: group!.slug };
    } catch (error) {
      if (isUniqueViolation(error, 'groups_slug_unique')) throw new ConflictError(`The address "${slug}" is taken: choose another.`);
      throw error;
    }
  });
}
