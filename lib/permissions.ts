/**
 * Every "may this viewer do this to that?" as a named question. Pages ask them to decide
 * what to show; verbs in lib/ ask them again before changing anything.
 */
import type { Viewer } from './context';

export type GroupRole = 'owner' | 'moderator' | 'member';

/** A group as seen by one viewer: its rules plus the viewer's role in it (null when not a member). */
export type GroupAccess = {
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'request' | 'invite';
  postingPolicy: 'members' | 'signed_in';
  role: GroupRole | null;
};

export type ThreadState = { closed: boolean; deletedAt: Date | null };
export type PostState = { authorId: number; deletedAt: Date | null };

export function canReadGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return group.visibility === 'public' || group.role !== null || viewer?.isAdmin === true;
}

export function canStartThread(viewer: Viewer | null, group: GroupAccess): boolean {
  if (!viewer || !canReadGroup(viewer, group)) return false;
  return group.role !== null || (group.postingPolicy === 'signed_in' && group.visibility === 'public');
}

export function canReplyToThread(viewer: Viewer | null, group: GroupAccess, thread: ThreadState): boolean {
  return canStartThread(viewer, group) && !thread.closed && thread.deletedAt === null;
}

export function canJoinGroup(viewer: Viewer | null, group: GroupAccess): boolean {
  return viewer !== null && group.role === null && group.joinPolicy === 'open';
}

/** Authors edit and delete their own posts while they can still read the group. */
export function canEditPost(viewer: Viewer | null, group: GroupAccess, post: PostState): boolean {
  return viewer !== null && canReadGroup(viewer, group) && post.authorId === viewer.id && post.deletedAt === null;
}

export const canDeletePost = canEditPost;
