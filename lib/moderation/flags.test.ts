import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groupMembers, moderationLog, postFlags, posts } from '@/db/schema';
import type { Viewer } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { listRevisions } from '../posts/list-revisions';
import { quoteOf } from '../posts/quote';
import { getThreadPage } from '../threads/get-thread-page';
import { flagPost } from './flag-post';
import { listFlagQueue } from './list-flag-queue';
import { reviewFlags } from './review-flags';

async function chapter() {
  const fixture = await createThreadFixture();
  const spammer = viewerOf(await createMember());
  await addToGroup(fixture.group.id, spammer.id);
  const moderator = viewerOf(await createMember());
  await addToGroup(fixture.group.id, moderator.id, 'moderator');
  const spam = await createReply({ db: testDb(), viewer: spammer }, { threadId: fixture.thread.id, body: 'Cheap watches at example.com' });
  /** A member of the group since `daysAgo` days. */
  const member = async (daysAgo = 30): Promise<Viewer> => {
    const m = await createMember();
    await testDb().insert(groupMembers).values({ groupId: fixture.group.id, memberId: m.id, role: 'member', joinedAt: sql`now() - make_interval(days => ${daysAgo})` });
    return viewerOf(m);
  };
  return { ...fixture, spammer, moderator, spam, member };
}

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });
const hiddenAt = async (postId: number) => (await testDb().select({ at: posts.hiddenAt }).from(posts).where(eq(posts.id, postId)))[0]!.at;
const actions = async (postId: number) => (await testDb().select().from(moderationLog).where(eq(moderationLog.postId, postId))).map((e) => e.action).sort();

describe('flags', () => {
  it('a member flags a post once; the queue shows it to the group\'s moderators only', async () => {
    const { group, spam, member, moderator } = await chapter();
    const flagger = await member();
    await flagPost(ctxOf(flagger), { postId: spam.postId, reason: 'spam' });
    await expect(flagPost(ctxOf(flagger), { postId: spam.postId, reason: 'rude' })).rejects.toBeInstanceOf(ConflictError);
    const queue = await listFlagQueue(ctxOf(moderator), { groupSlug: group.slug });
    expect(queue.posts).toMatchObject([{ postId: spam.postId, flags: 1, reasons: { spam: 1 }, hidden: false }]);
    await expect(listFlagQueue(ctxOf(flagger), { groupSlug: group.slug })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses flags on one\'s own post, "something else" without a note, and from outside a private group', async () => {
    const { spam, spammer, member } = await chapter();
    await expect(flagPost(ctxOf(spammer), { postId: spam.postId, reason: 'spam' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'other' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'sideways' })).rejects.toBeInstanceOf(InvalidInputError);
    const outsider = viewerOf(await createMember());
    const privateFixture = await createThreadFixture({ visibility: 'private', joinPolicy: 'invite' });
    const [opening] = await testDb().select().from(posts).where(eq(posts.threadId, privateFixture.thread.id));
    await expect(flagPost(ctxOf(outsider), { postId: opening!.id, reason: 'spam' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('three trusted members hide a post until review; new members alone cannot', async () => {
    const { spam, member, thread } = await chapter();
    for (let i = 0; i < 3; i++) await flagPost(ctxOf(await member(0)), { postId: spam.postId, reason: 'spam' });
    expect(await hiddenAt(spam.postId)).toBeNull();
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'spam' });
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'spam' });
    expect(await hiddenAt(spam.postId)).toBeNull();
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'rude' });
    expect(await hiddenAt(spam.postId)).not.toBeNull();
    expect(await actions(spam.postId)).toEqual(['auto_hide']);
    // Readers see that it is hidden, not what it says; its author still reads it.
    const reader = await member();
    const seen = (await getThreadPage(ctxOf(reader), thread.id, 1)).posts.find((p) => p.id === spam.postId)!;
    expect(seen).toMatchObject({ hidden: true, bodyHtml: null });
  });

  it('the moderator agrees and hides it, disagrees and shows it again, or defers; every decision closes the flags and is logged', async () => {
    const { spam, member, moderator } = await chapter();
    const mod = ctxOf(moderator);
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'spam' });
    await reviewFlags(mod, { postId: spam.postId, decision: 'hide', reason: 'Advertising' });
    expect(await hiddenAt(spam.postId)).not.toBeNull();
    await expect(reviewFlags(mod, { postId: spam.postId, decision: 'hide' })).rejects.toBeInstanceOf(ConflictError);
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'off_topic' });
    await reviewFlags(mod, { postId: spam.postId, decision: 'disagree' });
    expect(await hiddenAt(spam.postId)).toBeNull();
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'other', note: 'Looks odd' });
    await reviewFlags(mod, { postId: spam.postId, decision: 'defer' });
    const open = await testDb().select().from(postFlags).where(and(eq(postFlags.postId, spam.postId), isNull(postFlags.resolvedAt)));
    expect(open).toEqual([]);
    expect(await actions(spam.postId)).toEqual(['defer_flags', 'disagree_flags', 'hide_post']);
  });

  it('agreeing by deleting deletes the post; a member cannot review', async () => {
    const { spam, member, moderator } = await chapter();
    const flagger = await member();
    await flagPost(ctxOf(flagger), { postId: spam.postId, reason: 'spam' });
    await expect(reviewFlags(ctxOf(flagger), { postId: spam.postId, decision: 'delete' })).rejects.toBeInstanceOf(ForbiddenError);
    await reviewFlags(ctxOf(moderator), { postId: spam.postId, decision: 'delete' });
    const [row] = await testDb().select().from(posts).where(eq(posts.id, spam.postId));
    expect(row!.deletedAt).not.toBeNull();
    expect(await actions(spam.postId)).toEqual(['delete_post']);
  });

  it('a hidden post does not reach readers through its history or a quote', async () => {
    const { spam, spammer, moderator, member, thread } = await chapter();
    expect(await quoteOf(ctxOf(moderator), thread.id, 2)).not.toBeNull();
    await flagPost(ctxOf(await member()), { postId: spam.postId, reason: 'spam' });
    await reviewFlags(ctxOf(moderator), { postId: spam.postId, decision: 'hide' });
    const reader = ctxOf(await member());
    await expect(listRevisions(reader, spam.postId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisions(ctxOf(spammer), spam.postId)).resolves.toBeTruthy();
    expect(await quoteOf(reader, thread.id, 2)).toBeNull();
  });
});
