import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canCreateSubgroup, canEditGroup } from '../permissions';
import { getReadableGroup } from './group-access';

/** A group's settings for its owners (and site admins); anyone else is told it does not exist. */
export async function getGroupSettings(ctx: Ctx, groupSlug: string) {
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (!canEditGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  return {
    slug: group.slug,
    settings: {
      name: group.name, description: group.description, city: group.city, region: group.region, visibility: group.visibility,
      joinPolicy: group.joinPolicy, postingPolicy: group.postingPolicy, onePerProfession: group.onePerProfession,
    },
    canCreateCircle: canCreateSubgroup(ctx.viewer, group),
    parentIsPrivate: group.parentGroup?.visibility === 'private',
  };
}
