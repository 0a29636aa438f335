import type { Ctx } from '../context';
import {
  canAcceptInvitation,
  canEditGroup,
  canJoinGroup,
  canLeaveGroup,
  canModerateGroup,
  canReadGroup,
  canRequestToJoin,
  canSeeMembers,
  canStartThread,
  silencedUntil,
} from '../permissions';
import { getGroupAccess } from './group-access';
import { myJoinRequest } from './list-join-requests';

/**
 * What the group page may show this viewer, and which doors are open to them. A private
 * group that the viewer cannot read still shows its name and description, never its threads.
 */
export async function getGroupOverview(ctx: Ctx, groupSlug: string) {
  const group = await getGroupAccess(ctx, { slug: groupSlug });
  const viewer = ctx.viewer;
  const readable = canReadGroup(viewer, group);
  return {
    group: {
      id: group.id, slug: group.slug, name: group.name, description: group.description, city: group.city, region: group.region,
      visibility: group.visibility, joinPolicy: group.joinPolicy, onePerProfession: group.onePerProfession, role: group.role,
      parent: group.parentGroup && canReadGroup(viewer, group.parentGroup) ? { slug: group.parentGroup.slug, name: group.parentGroup.name } : null,
    },
    readable,
    banned: group.banned,
    /** The viewer's own silence here, while it lasts: shown to them where "New thread" would be. */
    silence: silencedUntil(viewer, group) ? group.silence! : null,
    request: group.role === null ? await myJoinRequest(ctx, group.id) : null,
    can: {
      startThread: canStartThread(viewer, group),
      join: canJoinGroup(viewer, group),
      requestToJoin: canRequestToJoin(viewer, group),
      /** Invitation-only and not a member: the page says how to get in. */
      inviteOnly: group.joinPolicy === 'invite' && canAcceptInvitation(viewer, group),
      leave: canLeaveGroup(viewer, group),
      seeMembers: canSeeMembers(viewer, group),
      moderate: canModerateGroup(viewer, group),
      edit: canEditGroup(viewer, group),
    },
  };
}
