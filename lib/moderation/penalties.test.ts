import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, createThreadFixture, FACTORY_PASSWORD, testDb, viewerOf } from '@/db/test/factories';
import { groupSilences, moderationLog, postFlags } from '@/db/schema';
import { openSession, viewerOfSession } from '../auth/sessions';
import { verifySignIn } from '../auth/verify-sign-in';
import type { Viewer } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { leaveGroup } from '../groups/leave-group';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { editPost } from '../posts/edit-post';
import { createThread } from '../threads/create-thread';
import { getThreadPage } from '../threads/get-thread-page';
import { flagPost } from './flag-post';
import { listActionsOnMe } from './list-actions-on-me';
import { reviewFlags } from './review-flags';
import { liftSilence, silenceMember } from './silence-member';
import { moveThread } from './move-thread';
import { liftSuspension, suspendMember } from './suspend-member';

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });

async function chapter(visibility: 'public' | 'private' = 'public') {
  const fixture = await createThreadFixture({ visibility });
  const member = viewerOf(await createMember());
  await addToGroup(fixture.group.id, member.id);
  const moderator = viewerOf(await createMember());
  await addToGroup(fixture.group.id, moderator.id, 'moderator');
  const post = await createReply(ctxOf(member), { threadId: fixture.thread.id, body: 'Buy my course now' });
  return { ...fixture, member, moderator, post, owner: viewerOf(fixture.owner) };
}

const logOf = async (memberId: number) => (await testDb().select().from(moderationLog).where(eq(moderationLog.memberId, memberId))).map((e) => e.action).sort();

describe('silencing a member in a group', () => {
  it('a silenced member reads the group but cannot reply, start threads or edit, and is told until when and why', async () => {
    const { group, thread, member, moderator, post } = await chapter();
    await silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id, days: 7, reason: 'Selling in every thread' });
    await expect(getThreadPage(ctxOf(member), thread.id, 1)).resolves.toMatchObject({ canReply: false });
    await expect(createReply(ctxOf(member), { threadId: thread.id, body: 'One more offer' })).rejects.toThrow(/silenced you in this group until .* UTC/);
    await expect(createThread(ctxOf(member), { groupSlug: group.slug, title: 'Offer', body: 'Cheap' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(editPost(ctxOf(member), { postId: post.postId, body: 'Edited offer' })).rejects.toBeInstanceOf(ForbiddenError);
    const mine = await listActionsOnMe(ctxOf(member), {});
    expect(mine.silences).toMatchObject([{ groupSlug: group.slug, reason: 'Selling in every thread' }]);
    expect(mine.entries.map((e) => e.action)).toContain('silence');
  });

  it('lifting the silence lets them post again; both actions are in the log with the member', async () => {
    const { group, thread, member, moderator } = await chapter();
    await silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id, days: 1, reason: 'Cool down' });
    await liftSilence(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id });
    await expect(createReply(ctxOf(member), { threadId: thread.id, body: 'Thanks, I will behave' })).resolves.toBeDefined();
    expect(await logOf(member.id)).toEqual(['silence', 'unsilence']);
    await expect(liftSilence(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it('a silence that has run out no longer stops anyone', async () => {
    const { group, thread, member, moderator } = await chapter();
    await silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id, days: 1, reason: 'Cool down' });
    await testDb().update(groupSilences).set({ until: sql`now() - interval '1 minute'` }).where(eq(groupSilences.memberId, member.id));
    await expect(createReply(ctxOf(member), { threadId: thread.id, body: 'Back again' })).resolves.toBeDefined();
  });

  it('moderators silence plain members of their own group only; bad input changes nothing', async () => {
    const { group, member, moderator, owner } = await chapter();
    const other = await chapter();
    await expect(silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: owner.id, days: 7, reason: 'No' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(silenceMember(ctxOf(other.moderator), { groupSlug: group.slug, memberId: member.id, days: 7, reason: 'No' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(silenceMember(ctxOf(member), { groupSlug: group.slug, memberId: moderator.id, days: 7, reason: 'No' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id, days: 7, reason: '' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(silenceMember(ctxOf(moderator), { groupSlug: group.slug, memberId: member.id, days: 2, reason: 'Odd length' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(silenceMember(ctxOf(owner), { groupSlug: group.slug, memberId: moderator.id, days: 3, reason: 'Owners may' })).resolves.toBeDefined();
    expect(await logOf(member.id)).toEqual([]);
  });

  it('agreeing with flags can silence the author; disagreeing with a silence is refused and leaves the flags open', async () => {
    const { group, member, moderator, post } = await chapter();
    const flagger = viewerOf(await createMember());
    await addToGroup(group.id, flagger.id);
    await flagPost(ctxOf(flagger), { postId: post.postId, reason: 'spam' });
    await expect(reviewFlags(ctxOf(moderator), { postId: post.postId, decision: 'disagree', silenceDays: '7', reason: 'x' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(reviewFlags(ctxOf(moderator), { postId: post.postId, decision: 'hide', silenceDays: '7' })).rejects.toBeInstanceOf(InvalidInputError);
    const open = await testDb().select().from(postFlags).where(and(eq(postFlags.postId, post.postId), isNull(postFlags.resolvedAt)));
    expect(open).toHaveLength(1);
    await reviewFlags(ctxOf(moderator), { postId: post.postId, decision: 'hide', silenceDays: '3', reason: 'Spam' });
    expect(await logOf(member.id)).toEqual(['silence']);
    await expect(createThread(ctxOf(member), { groupSlug: group.slug, title: 'Again', body: 'More spam' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('suspending a member from the site', () => {
  it('ends their sessions and refuses sign-in with the end date and the reason, until lifted', async () => {
    const admin = viewerOf(await createMember({ isAdmin: true }));
    const member = await createMember();
    const session = await openSession(testDb(), member.id);
    const address = `203.0.113.${Date.now() % 250}`;
    await suspendMember(ctxOf(admin), { memberId: member.id, days: 30, reason: 'Harassing members' });
    await expect(viewerOfSession(testDb(), session)).resolves.toBeNull();
    await expect(verifySignIn({ db: testDb(), viewer: null }, { email: member.email, password: FACTORY_PASSWORD }, address)).rejects.toThrow(/suspended until \d{4}-\d\d-\d\d \(reason: Harassing members\)/);
    // A wrong password tells nothing about the suspension.
    await expect(verifySignIn({ db: testDb(), viewer: null }, { email: member.email, password: 'not the password' }, address)).resolves.toBeNull();
    await liftSuspension(ctxOf(admin), { memberId: member.id });
    await expect(verifySignIn({ db: testDb(), viewer: null }, { email: member.email, password: FACTORY_PASSWORD }, `${address}-2`)).resolves.toMatchObject({ id: member.id });
    expect(await logOf(member.id)).toEqual(['suspend', 'unsuspend']);
  });

  it('only site admins suspend, never another admin, and lifting twice is refused', async () => {
    const admin = viewerOf(await createMember({ isAdmin: true }));
    const otherAdmin = await createMember({ isAdmin: true });
    const { owner, member } = await chapter();
    await expect(suspendMember(ctxOf(owner), { memberId: member.id, days: 7, reason: 'Owner is not admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(suspendMember(ctxOf(admin), { memberId: otherAdmin.id, days: 7, reason: 'No' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(liftSuspension(ctxOf(admin), { memberId: member.id })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("a member's view of moderation on their posts", () => {
  it('shows a moderator deleting their post, with the reason, and forgets a private group they left', async () => {
    const { group, member, moderator, post } = await chapter('private');
    await deletePost(ctxOf(moderator), { postId: post.postId, reason: 'Advertising is not allowed' });
    const before = await listActionsOnMe(ctxOf(member), {});
    expect(before.entries).toMatchObject([{ action: 'delete_post', reason: 'Advertising is not allowed', actorName: moderator.name }]);
    await leaveGroup(ctxOf(member), { groupSlug: group.slug });
    const after = await listActionsOnMe(ctxOf(member), {});
    expect(after.entries).toEqual([]);
  });

  it('forgets an action on a post whose thread was moved into a group the member cannot read', async () => {
    const { thread, owner, member, post } = await chapter();
    await deletePost(ctxOf(owner), { postId: post.postId, reason: 'Off topic' });
    expect((await listActionsOnMe(ctxOf(member), {})).entries).toHaveLength(1);
    const secret = await createGroup({ visibility: 'private' });
    await addToGroup(secret.id, owner.id, 'owner');
    await moveThread(ctxOf(owner), { threadId: thread.id, toGroupSlug: secret.slug });
    expect((await listActionsOnMe(ctxOf(member), {})).entries).toEqual([]);
  });

  it('shows nothing of other members\' posts', async () => {
    const { moderator, post } = await chapter();
    await deletePost(ctxOf(moderator), { postId: post.postId, reason: 'Spam' });
    const bystander = viewerOf(await createMember());
    expect((await listActionsOnMe(ctxOf(bystander), {})).entries).toEqual([]);
  });
});
