import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { members, posts, threads } from '@/db/schema';
import type { Viewer } from '../context';
import { checkEnv } from '../env';
import { ConflictError, InvalidInputError, RateLimitedError } from '../errors';
import { DEFAULT_POSTING_LIMITS } from '../rules';
import { createThread } from '../threads/create-thread';
import { createReply } from './create-reply';
import { editPost } from './edit-post';

// The rest of the suite posts without limits (db/test/setup.ts); these tests put the shipped ones back.
let suiteLimits: string | undefined;
beforeAll(() => {
  suiteLimits = process.env.CERCLE_LIMITS;
  delete process.env.CERCLE_LIMITS;
});
afterAll(() => {
  process.env.CERCLE_LIMITS = suiteLimits;
});

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });

/** A member of a thread's group who joined the site `daysAgo` days ago and has written `earlierPosts` posts, long ago. */
async function author(daysAgo: number, earlierPosts = 0) {
  const fixture = await createThreadFixture();
  const member = await createMember({ createdAt: sql`now() - make_interval(days => ${daysAgo})` as unknown as Date });
  await addToGroup(fixture.group.id, member.id);
  for (let n = 0; n < earlierPosts; n++) {
    await testDb().insert(posts).values({ threadId: fixture.thread.id, number: 100 + n, authorId: member.id, body: `old ${n}`, bodyHtml: `<p>old ${n}</p>`, createdAt: sql`now() - interval '2 days'` as unknown as Date });
  }
  return { ...fixture, viewer: viewerOf(member) };
}

const reply = (viewer: Viewer, threadId: number, body: string) => createReply(ctxOf(viewer), { threadId, body });
const postCount = async (threadId: number) => (await testDb().select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.threadId, threadId)))[0]!.n;

describe('posting limits', () => {
  it('a new member waits 30 seconds between replies and is told how long to wait; nothing is written', async () => {
    const { thread, viewer } = await author(0);
    await reply(viewer, thread.id, 'Hello, I am new here.');
    const before = await postCount(thread.id);
    const refused = reply(viewer, thread.id, 'And a second thought.');
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toThrow(/You are posting too quickly\. Try again in \d+ seconds\./);
    expect(await postCount(thread.id)).toBe(before);
  });

  it('an established member waits 5 seconds; the last post\'s age decides', async () => {
    const { thread, viewer } = await author(30, 5);
    await reply(viewer, thread.id, 'First reply.');
    await expect(reply(viewer, thread.id, 'Second reply.')).rejects.toBeInstanceOf(RateLimitedError);
    await testDb().update(posts).set({ createdAt: sql`now() - interval '6 seconds'` }).where(eq(posts.authorId, viewer.id));
    await expect(reply(viewer, thread.id, 'Second reply.')).resolves.toMatchObject({ threadId: thread.id });
  });

  it('refuses the same text again within five minutes', async () => {
    const { thread, viewer } = await author(30, 5);
    await reply(viewer, thread.id, 'Anyone going to the breakfast?');
    await testDb().update(posts).set({ createdAt: sql`now() - interval '1 minute'` }).where(eq(posts.authorId, viewer.id));
    await expect(reply(viewer, thread.id, 'Anyone going to the breakfast?')).rejects.toBeInstanceOf(ConflictError);
  });

  it('a new member may add two links and no image; an established member may add more', async () => {
    const links = 'See https://a.example, https://b.example and https://c.example';
    const newcomer = await author(0);
    await expect(reply(newcomer.viewer, newcomer.thread.id, links)).rejects.toThrow('New members can add at most 2 links to a post.');
    await expect(reply(newcomer.viewer, newcomer.thread.id, 'Our stand: ![stand](https://img.example/stand.png)')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(reply(newcomer.viewer, newcomer.thread.id, 'See https://a.example and https://b.example')).resolves.toBeDefined();
    const regular = await author(30, 5);
    await expect(reply(regular.viewer, regular.thread.id, links)).resolves.toBeDefined();
  });

  it('a member stays new until they have three posts, even after their first day', async () => {
    const { thread, viewer } = await author(10, 1);
    await expect(reply(viewer, thread.id, 'Photo: ![x](https://img.example/x.png)')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('a new member may edit a link-free post but not add three links to it', async () => {
    const { thread, viewer } = await author(0);
    const ref = await reply(viewer, thread.id, 'No links yet.');
    await expect(editPost(ctxOf(viewer), { postId: ref.postId, body: 'Still no links.' })).resolves.toBeDefined();
    await expect(editPost(ctxOf(viewer), { postId: ref.postId, body: 'https://a.example https://b.example https://c.example' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('a new member starts three threads on their first day, then is told to come back tomorrow', async () => {
    const { group, viewer } = await author(0);
    for (let n = 0; n < DEFAULT_POSTING_LIMITS.newMemberThreadsPerDay; n++) {
      await createThread(ctxOf(viewer), { groupSlug: group.slug, title: `Question ${n}`, body: `Question number ${n}` });
      await testDb().update(threads).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(threads.authorId, viewer.id));
    }
    await expect(createThread(ctxOf(viewer), { groupSlug: group.slug, title: 'One more', body: 'One more question' })).rejects.toThrow(/Try again tomorrow\./);
  });

  it('moderators of the group are not limited there', async () => {
    const { thread, owner } = await createThreadFixture();
    await testDb().update(members).set({ createdAt: sql`now()` }).where(eq(members.id, owner.id));
    const moderator = viewerOf(owner);
    await reply(moderator, thread.id, 'Welcome, everyone: https://a.example https://b.example https://c.example');
    await expect(reply(moderator, thread.id, 'And the agenda is up.')).resolves.toBeDefined();
  });

  it('the limits can be changed with CERCLE_LIMITS, and a bad value stops start-up with a clear line', async () => {
    const { thread, viewer } = await author(0);
    process.env.CERCLE_LIMITS = JSON.stringify({ newMemberLinks: 5 });
    try {
      await expect(reply(viewer, thread.id, 'https://a.example https://b.example https://c.example')).resolves.toBeDefined();
    } finally {
      delete process.env.CERCLE_LIMITS;
    }
    expect(() => checkEnv({ CERCLE_LIMITS: '{"newMemberLinks": -1}' })).toThrow(/CERCLE_LIMITS/);
    expect(() => checkEnv({ CERCLE_LIMITS: '{"postsPerSecond": 3}' })).toThrow(/CERCLE_LIMITS/);
    expect(() => checkEnv({ CERCLE_LIMITS: 'five' })).toThrow(/CERCLE_LIMITS: must be a JSON object/);
  });
});
