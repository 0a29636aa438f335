import type { Viewer } from '../context';
import { canJoinGroup, canReplyToThread, type GroupAccess, isClosed, silencedUntil, type ThreadState } from '../permissions';

/** What stands under a thread's posts for this viewer: the reply form, or why there is none. */
export type ReplyArea = 'form' | 'archived' | 'closed' | 'silenced' | 'signIn' | 'join' | 'membersOnly';

export function replyAreaOf(viewer: Viewer | null, group: GroupAccess, thread: ThreadState): ReplyArea {
  if (canReplyToThread(viewer, group, thread)) return 'form';
  if (thread.archived) return 'archived';
  if (isClosed(thread)) return 'closed';
  if (group.silence && silencedUntil(viewer, group)) return 'silenced';
  if (!viewer) return 'signIn';
  return canJoinGroup(viewer, group) ? 'join' : 'membersOnly';
}
