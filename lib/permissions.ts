/**
 * Every "may this viewer do this to that?" as a named question. Pages ask them to decide
 * what to show; verbs in lib/ ask them again before changing anything. The permission
 * matrix test (lib/permissions.matrix.test.ts) walks every action for every kind of actor.
 */
import type { Viewer } from './context';

export type GroupRole = 'owner' | 'moderator' | 'member';

/** A group as seen by one viewer: its rules plus the viewer's standing in it. */
export type GroupAccess = {
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'request' | 'invite';
  postingPolicy: 'members' | 'signed_in';
  /** The viewer's role; null when not a member. */
  role: GroupRole | null;
  banned: boolean;
  /** The viewer has a join request waiting. */
  pending: boolean;
  /** The parent group, for a subgroup: its rules and the viewer's standing there. */
  parent: GroupAccess | null;
  /** Until when the group's moderators silenced the viewer there, and why; absent or null when they did not. */
  silence?: { until: Date; reason: string } | null;
};

export type ThreadState = {
  closed: boolean;
  archived: boolean;
  deletedAt: Date | null;
  closeAt?: Date | null;
  closeAfterIdleDays?: number | null;
  lastPostedAt?: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a scheduled close takes effect: its moment, or so many days after the last post; null when none is scheduled. */
export function scheduledCloseAt(thread: ThreadState): Date | null {
  if (thread.closeAt) return thread.closeAt;
  if (thread.closeAfterIdleDays && thread.lastPostedAt) return new Date(thread.lastPostedAt.getTime() + thread.closeAfterIdleDays * DAY_MS);
  return null;
}

/** Closed, or due to close: the worker closes due threads within a minute, and nobody replies in between. */
export function isClosed(thread: ThreadState, now = new Date()): boolean {
  const due = scheduledCloseAt(thread);
  return thread.closed || (due !== null && due <= now);
}
export type PostState = { authorId: number; deletedAt: Date | null; deletedById?: number | null };
export type MemberStanding = { memberId: number; role: GroupRole };

const RANK: Record<GroupRole, number> = { member: 1, moderator: 2, owner: 3 };

const isAdmin = (viewer: Viewer | null): viewer is Viewer => viewer?.isAdmin === true;

/**
 * Private groups are read by their members; a subgroup also needs its parent to be
 * readable, so leaving (or being banned from) a chapter closes its circles too.
 */
export function canReadGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  if (isAdmin(viewer)) return true;
  if (group.parent && !canReadGroup(viewer, group.parent)) return false;
  if (group.visibility === 'public') return true;
  return group.role !== null && !group.banned;
}

/** Readable by anyone signed out: public, in a public parent. Depends on the group alone, not on who asks. */
export function isPubliclyReadable(group: Pick<GroupAccess, 'visibility' | 'parent'>): boolean {
  return group.visibility === 'public' && (!group.parent || isPubliclyReadable(group.parent));
}

/** Who belongs to a group is as private as the group. */
export const canSeeMembers = canReadGroup;

export function canModerateGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return isAdmin(viewer) || (group.role !== null && RANK[group.role] >= RANK.moderator && !group.banned);
}

/** The end of the viewer's silence in the group while it lasts; null when they may post. Admins are never silenced. */
export function silencedUntil(viewer: Viewer | null, group: GroupAccess, now = new Date()): Date | null {
  if (isAdmin(viewer) || !group.silence || group.silence.until <= now) return null;
  return group.silence.until;
}

export function canStartThread(viewer: Viewer | null, group: GroupAccess): boolean {
  if (!viewer || !canReadGroup(viewer, group)) return false;
  if (isAdmin(viewer)) return true;
  if (group.banned || silencedUntil(viewer, group)) return false;
  return group.role !== null || (group.postingPolicy === 'signed_in' && group.visibility === 'public');
}

export function canReplyToThread(viewer: Viewer | null, group: GroupAccess, thread: ThreadState): boolean {
  return canStartThread(viewer, group) && !isClosed(thread) && !thread.archived && thread.deletedAt === null;
}

/** Whether the viewer could become a member at all, whatever the route in. */
function couldJoin(viewer: Viewer | null, group: GroupAccess): viewer is Viewer {
  if (!viewer || group.role !== null || group.banned) return false;
  // A circle of a private chapter is for the chapter's own members.
  return !group.parent || canReadGroup(viewer, group.parent);
}

export function canJoinGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return couldJoin(viewer, group) && group.joinPolicy === 'open';
}

export function canRequestToJoin(viewer: Viewer | null, group: GroupAccess): boolean {
  return couldJoin(viewer, group) && group.joinPolicy === 'request' && !group.pending;
}

/** An invitation admits whatever the join policy says. */
export function canAcceptInvitation(viewer: Viewer | null, group: GroupAccess): boolean {
  return couldJoin(viewer, group);
}

export const canReviewJoinRequests = canModerateGroup;
export const canInvite = canModerateGroup;

export function canEditGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return isAdmin(viewer) || (group.role === 'owner' && !group.banned);
}

export function canCreateGroup(viewer: Viewer | null): boolean {
  return isAdmin(viewer);
}

/** Owners of a top-level group open circles inside it. */
export function canCreateSubgroup(viewer: Viewer | null, parent: GroupAccess): boolean {
  return parent.parent === null && canEditGroup(viewer, parent);
}

/** Owners (and admins) set the roles of others, never their own: no self-promotion. */
export function canChangeRole(viewer: Viewer | null, group: GroupAccess, target: MemberStanding): boolean {
  return viewer !== null && target.memberId !== viewer.id && canEditGroup(viewer, group);
}

/** Moderators remove plain members; owners and admins remove anyone but themselves. */
export function canRemoveMember(viewer: Viewer | null, group: GroupAccess, target: MemberStanding): boolean {
  if (!viewer || target.memberId === viewer.id || !canModerateGroup(viewer, group)) return false;
  if (isAdmin(viewer) || group.role === 'owner') return true;
  return target.role === 'member';
}

export const canBanMember = canRemoveMember;

/** Silencing follows removal: moderators silence plain members, owners and admins anyone but themselves. */
export const canSilenceMember = canRemoveMember;

/** Suspension shuts a member out of the whole site, so only site admins suspend, and never another admin. */
export function canSuspendMember(viewer: Viewer | null, target: { id: number; isAdmin: boolean }): boolean {
  return isAdmin(viewer) && !target.isAdmin && target.id !== viewer.id;
}

export function canLeaveGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return viewer !== null && group.role !== null;
}

/** Authors edit their own posts while they can still read the group; a group's moderators edit any (saying why). */
export function canEditPost(viewer: Viewer | null, group: GroupAccess, post: PostState): boolean {
  if (!viewer || post.deletedAt !== null || !canReadGroup(viewer, group)) return false;
  return post.authorId === viewer.id || canModerateGroup(viewer, group);
}

/** Authors delete their own posts; a group's moderators delete anyone's. */
export const canDeletePost = canEditPost;

/** Moderators bring back any deleted post; an author, only a post they deleted themselves. */
export function canRestorePost(viewer: Viewer | null, group: GroupAccess, post: PostState): boolean {
  if (!viewer || post.deletedAt === null || !canReadGroup(viewer, group)) return false;
  return canModerateGroup(viewer, group) || (post.authorId === viewer.id && post.deletedById === viewer.id);
}

/** Any signed-in reader may flag someone else's post, except people banned from the group. */
export function canFlagPost(viewer: Viewer | null, group: GroupAccess, post: PostState): boolean {
  return viewer !== null && canReadGroup(viewer, group) && !group.banned && post.authorId !== viewer.id && post.deletedAt === null;
}

/** A hidden post is read by the group's moderators and by its author; others see that it is hidden. */
export function canReadHiddenPost(viewer: Viewer | null, group: GroupAccess, post: PostState): boolean {
  return viewer !== null && (post.authorId === viewer.id || canModerateGroup(viewer, group));
}
