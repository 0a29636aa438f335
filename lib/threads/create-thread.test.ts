import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groups, posts, threads } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import { createThread } from './create-thread';

async function threadsIn(groupId: number) {
  return testDb().select().from(threads).where(eq(threads.groupId, groupId));
}

describe('createThread', () => {
  it('creates the thread, its opening post and the group counters together', async () => {
    const group = await createGroup();
    const member = await createMember();
    await addToGroup(group.id, member.id);
    const ref = await createThread({ db: testDb(), viewer: viewerOf(member) }, { groupSlug: group.slug, title: '  Introductions  ', body: '**Hello**' });
    const [thread] = await testDb().select().from(threads).where(eq(threads.id, ref.threadId));
    expect(thread).toMatchObject({ title: 'Introductions', lastPostNumber: 1, replyCount: 0, authorId: member.id });
    const [post] = await testDb().select().from(posts).where(eq(posts.id, ref.postId));
    expect(post).toMatchObject({ number: 1, body: '**Hello**' });
    expect(post!.bodyHtml).toContain('<strong>Hello</strong>');
    const [g] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(g).toMatchObject({ threadCount: 1, postCount: 1 });
  });

  it('creates one thread for a submission sent twice', async () => {
    const group = await createGroup();
    const member = await createMember();
    await addToGroup(group.id, member.id);
    const input = { groupSlug: group.slug, title: 'Same twice', body: 'Body', idempotencyKey: randomUUID() };
    const ctx = { db: testDb(), viewer: viewerOf(member) };
    const [a, b] = await Promise.all([createThread(ctx, input), createThread(ctx, input)]);
    expect(a.threadId).toBe(b.threadId);
    expect(await threadsIn(group.id)).toHaveLength(1);
  });

  it.each([
    ['an empty title', { title: '' }, /at least 3 characters/],
    ['a title of spaces', { title: '     ' }, /at least 3 characters/],
    ['a 1 MB body', { body: 'é'.repeat(1024 * 1024) }, /limited to/],
    ['an unknown group', { groupSlug: 'no-such-group' }, /No such group/],
  ])('refuses %s with a clear message and creates nothing', async (_, override, message) => {
    const group = await createGroup();
    const member = await createMember();
    await addToGroup(group.id, member.id);
    const input = { groupSlug: group.slug, title: 'A fine title', body: 'A fine body', ...override };
    await expect(createThread({ db: testDb(), viewer: viewerOf(member) }, input)).rejects.toThrow(message);
    expect(await threadsIn(group.id)).toHaveLength(0);
  });

  it('refuses non-members, and pretends private groups do not exist for outsiders', async () => {
    const outsider = viewerOf(await createMember());
    const membersOnly = await createGroup({ postingPolicy: 'members' });
    await expect(createThread({ db: testDb(), viewer: outsider }, { groupSlug: membersOnly.slug, title: 'Hello all', body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const privateGroup = await createGroup({ visibility: 'private' });
    await expect(createThread({ db: testDb(), viewer: outsider }, { groupSlug: privateGroup.slug, title: 'Hello all', body: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await threadsIn(membersOnly.id)).toHaveLength(0);
  });
});
