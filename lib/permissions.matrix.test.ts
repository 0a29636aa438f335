/**
 * The permission matrix: every group action, for every kind of actor, on a public group,
 * a private group and a private subgroup, through the real verbs against PostgreSQL.
 * Each cell builds its own small world, so no cell depends on another.
 */
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groupBans, joinRequests } from '@/db/schema';
import type { Viewer } from './context';
import { DomainError } from './errors';
import { changeRole } from './groups/change-role';
import { createInvitation } from './groups/create-invitation';
import { joinGroup } from './groups/join-group';
import { leaveGroup } from './groups/leave-group';
import { removeMember } from './groups/remove-member';
import { requestToJoin } from './groups/request-to-join';
import { reviewJoinRequest } from './groups/review-join-request';
import { updateGroup } from './groups/update-group';
import { createReply } from './posts/create-reply';
import { deletePost, restorePost } from './posts/delete-post';
import { editPost } from './posts/edit-post';
import { hidePost } from './posts/hide-post';
import { createThread } from './threads/create-thread';
import { listThreads } from './threads/list-threads';
import { closeThread } from './moderation/close-thread';
import { flagPost } from './moderation/flag-post';
import { reviewFlags } from './moderation/review-flags';
import { archiveThread } from './moderation/archive-thread';
import { reopenThread } from './moderation/reopen-thread';
import { suspendMember } from './moderation/suspend-member';
import { unlistThread } from './moderation/unlist-thread';
import { unpinThread } from './moderation/unpin-thread';
import { liftSilence, silenceMember } from './moderation/silence-member';
import { pinThread } from './moderation/pin-thread';
import { mergeThread } from './moderation/merge-thread';
import { moveThread } from './moderation/move-thread';
import { splitThread } from './moderation/split-thread';
import { acceptInvitation } from './groups/accept-invitation';
import { listDirectory } from './members/list-directory';
import { invitations } from '@/db/schema';
import { newInvitationToken } from './groups/invitation-token';

const KINDS = ['public', 'private', 'private subgroup'] as const;
const ACTORS = ['anonymous', 'non-member', 'pending', 'member', 'moderator', 'owner', 'banned', 'site admin'] as const;
type Kind = (typeof KINDS)[number];
type Actor = (typeof ACTORS)[number];

/** A target group of the given kind with an owner, a plain member, a waiting applicant and a thread. */
async function world(kind: Kind) {
  const owner = await createMember();
  const parent = await createGroup({ visibility: 'private', joinPolicy: 'request' });
  await addToGroup(parent.id, owner.id, 'owner');
  const target =
    kind === 'private'
      ? parent
      : kind === 'public'
        ? await createGroup({ visibility: 'public', joinPolicy: 'open' })
        : await createGroup({ visibility: 'private', joinPolicy: 'request', parentId: parent.id });
  if (target.id !== parent.id) await addToGroup(target.id, owner.id, 'owner');
  /** Someone in the target group (and, for a subgroup, in its parent). */
  const enrol = async (role?: 'member' | 'moderator') => {
    const m = await createMember();
    if (kind === 'private subgroup') await addToGroup(parent.id, m.id);
    if (role) await addToGroup(target.id, m.id, role);
    return m;
  };
  const subject = await enrol('member');
  const applicant = await enrol();
  const [request] = await testDb().insert(joinRequests).values({ groupId: target.id, memberId: applicant.id }).returning();
  const { threadId } = await createThread({ db: testDb(), viewer: viewerOf(owner) }, { groupSlug: target.slug, title: 'Weekly agenda', body: 'Agenda' });
  const { postId: subjectPostId } = await createReply({ db: testDb(), viewer: viewerOf(subject) }, { threadId, body: 'A reply' });
  return { target, owner, subject, requestId: request!.id, threadId, subjectPostId, enrol };
}

async function actorIn(w: Awaited<ReturnType<typeof world>>, actor: Actor): Promise<Viewer | null> {
  switch (actor) {
    case 'anonymous':
      return null;
    case 'non-member':
      return viewerOf(await w.enrol());
    case 'pending': {
      const m = await w.enrol();
      await testDb().insert(joinRequests).values({ groupId: w.target.id, memberId: m.id });
      return viewerOf(m);
    }
    case 'member':
      return viewerOf(await w.enrol('member'));
    case 'moderator':
      return viewerOf(await w.enrol('moderator'));
    case 'owner':
      return viewerOf(w.owner);
    case 'banned': {
      const m = await w.enrol();
      await testDb().insert(groupBans).values({ groupId: w.target.id, memberId: m.id, bannedById: w.owner.id });
      return viewerOf(m);
    }
    case 'site admin':
      return { ...viewerOf(await createMember({ isAdmin: true })), isAdmin: true };
  }
}

type W = Awaited<ReturnType<typeof world>>;
const settings = (w: W) => ({ groupSlug: w.target.slug, name: 'Renamed', visibility: w.target.visibility, joinPolicy: w.target.joinPolicy, postingPolicy: 'members' });

/** Each action through its verb; reads also run signed out (a null viewer). */
const ACTIONS: Record<string, (w: W, v: Viewer) => Promise<unknown>> = {
  'read the group': (w, v) => listThreads({ db: testDb(), viewer: v }, w.target.slug),
  'see the member list': (w, v) => listDirectory({ db: testDb(), viewer: v }, { group: w.target.slug }),
  'accept an invitation': async (w, v) => {
    const { token, tokenHash } = newInvitationToken();
    await testDb().insert(invitations).values({ groupId: w.target.id, createdById: w.owner.id, tokenHash, expiresAt: new Date(Date.now() + 60_000), maxUses: 5 });
    return acceptInvitation({ db: testDb(), viewer: v }, { token });
  },
  'start a thread': (w, v) => createThread({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, title: 'New topic', body: 'x' }),
  reply: (w, v) => createReply({ db: testDb(), viewer: v }, { threadId: w.threadId, body: 'x' }),
  join: (w, v) => joinGroup({ db: testDb(), viewer: v }, { groupSlug: w.target.slug }),
  'ask to join': (w, v) => requestToJoin({ db: testDb(), viewer: v }, { groupSlug: w.target.slug }),
  'approve a request': (w, v) => reviewJoinRequest({ db: testDb(), viewer: v }, { requestId: w.requestId, decision: 'approve' }),
  invite: (w, v) => createInvitation({ db: testDb(), viewer: v }, { groupSlug: w.target.slug }),
  'edit settings': (w, v) => updateGroup({ db: testDb(), viewer: v }, settings(w)),
  'promote a member': (w, v) => changeRole({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, memberId: w.subject.id, role: 'moderator' }),
  'remove a member': (w, v) => removeMember({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, memberId: w.subject.id }),
  'ban a member': (w, v) => removeMember({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, memberId: w.subject.id, ban: true }),
  leave: (w, v) => leaveGroup({ db: testDb(), viewer: v }, { groupSlug: w.target.slug }),
  'pin a thread': (w, v) => pinThread({ db: testDb(), viewer: v }, { threadId: w.threadId }),
  'close a thread': (w, v) => closeThread({ db: testDb(), viewer: v }, { threadId: w.threadId, reason: 'Done' }),
  'schedule a close': (w, v) => closeThread({ db: testDb(), viewer: v }, { threadId: w.threadId, when: 'idle:7' }),
  'reopen a thread': async (w, v) => {
    await closeThread({ db: testDb(), viewer: viewerOf(w.owner) }, { threadId: w.threadId });
    return reopenThread({ db: testDb(), viewer: v }, { threadId: w.threadId });
  },
  'unpin a thread': async (w, v) => {
    await pinThread({ db: testDb(), viewer: viewerOf(w.owner) }, { threadId: w.threadId });
    return unpinThread({ db: testDb(), viewer: v }, { threadId: w.threadId });
  },
  'archive a thread': (w, v) => archiveThread({ db: testDb(), viewer: v }, { threadId: w.threadId, archived: true }),
  'unlist a thread': (w, v) => unlistThread({ db: testDb(), viewer: v }, { threadId: w.threadId, unlisted: true }),
  'suspend a member (site-wide)': (w, v) => suspendMember({ db: testDb(), viewer: v }, { memberId: w.subject.id, days: 7, reason: 'Abuse' }),
  'move a thread (into a group the actor moderates)': async (w, v) => {
    const destination = await createGroup();
    await addToGroup(destination.id, v.id, 'moderator');
    return moveThread({ db: testDb(), viewer: v }, { threadId: w.threadId, toGroupSlug: destination.slug });
  },
  'split a thread': (w, v) => splitThread({ db: testDb(), viewer: v }, { threadId: w.threadId, postNumbers: [2], title: 'A topic of its own' }),
  'merge a thread': async (w, v) => {
    const into = await createThread({ db: testDb(), viewer: viewerOf(w.owner) }, { groupSlug: w.target.slug, title: 'The main topic', body: 'Main' });
    return mergeThread({ db: testDb(), viewer: v }, { threadId: w.threadId, intoThreadId: into.threadId });
  },
  "edit a member's post": (w, v) => editPost({ db: testDb(), viewer: v }, { postId: w.subjectPostId, body: 'Edited', reason: 'Tidying up' }),
  "delete a member's post": (w, v) => deletePost({ db: testDb(), viewer: v }, { postId: w.subjectPostId }),
  'flag a post': (w, v) => flagPost({ db: testDb(), viewer: v }, { postId: w.subjectPostId, reason: 'spam' }),
  'review flags': async (w, v) => {
    await flagPost({ db: testDb(), viewer: viewerOf(w.owner) }, { postId: w.subjectPostId, reason: 'spam' });
    return reviewFlags({ db: testDb(), viewer: v }, { postId: w.subjectPostId, decision: 'hide' });
  },
  'restore a post a moderator deleted': async (w, v) => {
    await deletePost({ db: testDb(), viewer: viewerOf(w.owner) }, { postId: w.subjectPostId });
    return restorePost({ db: testDb(), viewer: v }, { postId: w.subjectPostId });
  },
  'hide a post': (w, v) => hidePost({ db: testDb(), viewer: v }, { postId: w.subjectPostId }),
  'silence a member': (w, v) => silenceMember({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, memberId: w.subject.id, days: 7, reason: 'Selling' }),
  'lift a silence': async (w, v) => {
    await silenceMember({ db: testDb(), viewer: viewerOf(w.owner) }, { groupSlug: w.target.slug, memberId: w.subject.id, days: 7, reason: 'Selling' });
    return liftSilence({ db: testDb(), viewer: v }, { groupSlug: w.target.slug, memberId: w.subject.id });
  },
};

const insiders: Actor[] = ['member', 'moderator', 'owner', 'site admin'];
const moderators: Actor[] = ['moderator', 'owner', 'site admin'];

function expected(action: string, actor: Actor, kind: Kind): boolean {
  switch (action) {
    case 'read the group':
    case 'see the member list':
      return insiders.includes(actor) || kind === 'public';
    case 'accept an invitation':
      return ['non-member', 'pending', 'site admin'].includes(actor);
    case 'start a thread':
    case 'reply':
      return insiders.includes(actor);
    case 'flag a post':
      // Anyone who reads the group, except people banned from it.
      return actor !== 'banned' && actor !== 'anonymous' && (insiders.includes(actor) || kind === 'public');
    case 'join':
      return kind === 'public' && ['non-member', 'pending', 'site admin'].includes(actor);
    case 'ask to join':
      return kind !== 'public' && ['non-member', 'site admin'].includes(actor);
    case 'approve a request':
    case 'pin a thread':
    case 'close a thread':
    case 'schedule a close':
    case 'reopen a thread':
    case 'unpin a thread':
    case 'archive a thread':
    case 'unlist a thread':
    case 'move a thread (into a group the actor moderates)':
    case 'split a thread':
    case 'merge a thread':
    case 'review flags':
    case "edit a member's post":
    case "delete a member's post":
    case 'restore a post a moderator deleted':
    case 'silence a member':
    case 'hide a post':
    case 'lift a silence':
    case 'invite':
    case 'remove a member':
    case 'ban a member':
      return moderators.includes(actor);
    case 'edit settings':
    case 'promote a member':
      return actor === 'owner' || actor === 'site admin';
    case 'leave':
      // The owner is the only owner, and must hand over first.
      return actor === 'member' || actor === 'moderator';
    case 'suspend a member (site-wide)':
      return actor === 'site admin';
    default:
      throw new Error(`No expectation for ${action}`);
  }
}

async function outcome(action: string, kind: Kind, actor: Actor): Promise<boolean> {
  const w = await world(kind);
  const viewer = await actorIn(w, actor);
  const anonymousReads = ['read the group', 'see the member list'];
  if (viewer === null && !anonymousReads.includes(action)) return false; // signed-in verbs are unreachable signed out
  try {
    await ACTIONS[action]!(w, viewer as Viewer);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

describe('permission matrix', () => {
  for (const action of Object.keys(ACTIONS)) {
    it(`${action}: allowed and refused for exactly the right actors`, async () => {
      const cells = KINDS.flatMap((kind) => ACTORS.map((actor) => ({ kind, actor })));
      const actual = await Promise.all(cells.map(async ({ kind, actor }) => `${kind} × ${actor}: ${(await outcome(action, kind, actor)) ? 'allow' : 'deny'}`));
      const wanted = cells.map(({ kind, actor }) => `${kind} × ${actor}: ${expected(action, actor, kind) ? 'allow' : 'deny'}`);
      expect(actual).toEqual(wanted);
    });
  }
});
