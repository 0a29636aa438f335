import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groupBans, threads } from '@/db/schema';
import { NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { createThread } from '../threads/create-thread';
import { getProfile, plainExcerpt } from './get-profile';
import { RECENT_POSTS_WALK } from './recent-posts';

const as = (member: { id: number; name: string; isAdmin?: boolean } | null) => ({ db: testDb(), viewer: member ? viewerOf(member) : null });
const signedIn = (member: { id: number; name: string }) => ({ db: testDb(), viewer: viewerOf(member) });

/** Alice, in a public group and a private chapter, with a post in each. */
async function aliceInTwoGroups() {
  const tag = randomUUID().slice(0, 8);
  const alice = await createMember({ name: `Alice ${tag}`, profession: 'Notary', website: 'https://alice.example/', socialLinks: ['https://social.example/alice'] });
  const open = await createGroup({ name: `Open club ${tag}`, visibility: 'public' });
  const chapter = await createGroup({ name: `Secret chapter ${tag}`, visibility: 'private' });
  await addToGroup(open.id, alice.id);
  await addToGroup(chapter.id, alice.id, 'owner');
  const publicPost = await createThread(signedIn(alice), { groupSlug: open.slug, title: `Public thread ${tag}`, body: 'public words' });
  const privatePost = await createThread(signedIn(alice), { groupSlug: chapter.slug, title: `Private thread ${tag}`, body: 'private words' });
  return { alice, open, chapter, publicPost, privatePost, tag };
}

describe('getProfile', () => {
  it('hides private groups and their posts from outsiders and signed-out visitors, names and all', async () => {
    const { alice, open, tag } = await aliceInTwoGroups();
    const outsider = await createMember();
    for (const viewer of [outsider, null]) {
      const profile = await getProfile(as(viewer), alice.id);
      expect(profile.groups).toEqual([{ slug: open.slug, name: open.name, role: 'member', visibility: 'public' }]);
      expect(profile.recentPosts.map((p) => p.threadTitle)).toEqual([`Public thread ${tag}`]);
      const everything = JSON.stringify(profile);
      expect(everything).not.toContain('Secret chapter');
      expect(everything).not.toContain('Private thread');
      expect(everything).not.toContain('private words');
    }
  });

  it('shows the private chapter and its posts to fellow members and admins', async () => {
    const { alice, chapter, tag } = await aliceInTwoGroups();
    const fellow = await createMember();
    await addToGroup(chapter.id, fellow.id);
    const admin = await createMember({ isAdmin: true });
    for (const viewer of [fellow, admin, alice]) {
      const profile = await getProfile(as(viewer), alice.id);
      expect(profile.groups.map((g) => g.name).sort()).toEqual([`Open club ${tag}`, `Secret chapter ${tag}`]);
      expect(profile.groups.find((g) => g.slug === chapter.slug)).toMatchObject({ role: 'owner', visibility: 'private' });
      expect(profile.recentPosts.map((p) => p.threadTitle)).toEqual([`Private thread ${tag}`, `Public thread ${tag}`]);
      expect(profile.recentPosts[0]).toMatchObject({ groupSlug: chapter.slug, groupName: chapter.name, number: 1, excerpt: 'private words' });
    }
  });

  it('hides the chapter from a member banned from it', async () => {
    const { alice, chapter } = await aliceInTwoGroups();
    const banned = await createMember();
    await addToGroup(chapter.id, banned.id);
    await testDb().insert(groupBans).values({ groupId: chapter.id, memberId: banned.id, bannedById: alice.id });
    const profile = await getProfile(as(banned), alice.id);
    expect(JSON.stringify(profile)).not.toContain('Secret chapter');
  });

  it('hides a public circle of a private chapter from those who cannot read the chapter', async () => {
    const { alice, chapter, tag } = await aliceInTwoGroups();
    const circle = await createGroup({ name: `Circle ${tag}`, visibility: 'public', parentId: chapter.id });
    await addToGroup(circle.id, alice.id);
    await createThread(signedIn(alice), { groupSlug: circle.slug, title: `Circle thread ${tag}`, body: 'circle words' });
    const outsider = JSON.stringify(await getProfile(as(await createMember()), alice.id));
    expect(outsider).not.toContain(`Circle ${tag}`);
    expect(outsider).not.toContain('circle words');
    const fellow = await createMember();
    await addToGroup(chapter.id, fellow.id);
    const inside = await getProfile(as(fellow), alice.id);
    expect(inside.groups.map((g) => g.name)).toContain(`Circle ${tag}`);
    expect(inside.recentPosts[0]!.threadTitle).toBe(`Circle thread ${tag}`);
  });

  it('keeps posts in groups the member has left, and drops deleted posts and threads', async () => {
    const tag = randomUUID().slice(0, 8);
    const bob = await createMember();
    const group = await createGroup({ visibility: 'public', postingPolicy: 'signed_in' });
    const kept = await createThread(signedIn(bob), { groupSlug: group.slug, title: `Kept ${tag}`, body: 'kept' });
    const gone = await createReply(signedIn(bob), { threadId: kept.threadId, body: 'deleted reply' });
    await deletePost(signedIn(bob), { postId: gone.postId });
    const removed = await createThread(signedIn(bob), { groupSlug: group.slug, title: `Removed ${tag}`, body: 'in a deleted thread' });
    await testDb().update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, removed.threadId));
    const profile = await getProfile(as(null), bob.id);
    expect(profile.groups).toEqual([]);
    expect(profile.recentPosts.map((p) => [p.threadTitle, p.number])).toEqual([[`Kept ${tag}`, 1]]);
  });

  it('lists the 10 most recent readable posts, newest first', async () => {
    const carol = await createMember();
    const open = await createGroup({ visibility: 'public', postingPolicy: 'signed_in' });
    const ref = await createThread(signedIn(carol), { groupSlug: open.slug, title: 'Busy thread', body: 'post 0' });
    for (let i = 1; i <= 11; i++) await createReply(signedIn(carol), { threadId: ref.threadId, body: `post ${i}` });
    // Newer posts in a private group must not push the readable ones off an outsider's list.
    const chapter = await createGroup({ visibility: 'private' });
    await addToGroup(chapter.id, carol.id);
    const hidden = await createThread(signedIn(carol), { groupSlug: chapter.slug, title: 'Hidden', body: 'hidden 0' });
    for (let i = 1; i <= 10; i++) await createReply(signedIn(carol), { threadId: hidden.threadId, body: `hidden ${i}` });
    const profile = await getProfile(as(null), carol.id);
    expect(profile.recentPosts.map((p) => p.number)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(profile.recentPosts.map((p) => p.excerpt)).toEqual(Array.from({ length: 10 }, (_, i) => `post ${11 - i}`));
  });

  it('finds readable posts older than the newest hundred the viewer may not read', async () => {
    const dan = await createMember();
    const open = await createGroup({ visibility: 'public', postingPolicy: 'signed_in' });
    const old = await createThread(signedIn(dan), { groupSlug: open.slug, title: 'Old public thread', body: 'old words' });
    const chapter = await createGroup({ visibility: 'private' });
    await addToGroup(chapter.id, dan.id);
    const hidden = await createThread(signedIn(dan), { groupSlug: chapter.slug, title: 'Hidden', body: 'hidden 0' });
    for (let i = 1; i <= RECENT_POSTS_WALK; i++) await createReply(signedIn(dan), { threadId: hidden.threadId, body: `hidden ${i}` });
    const outsider = await getProfile(as(null), dan.id);
    expect(outsider.recentPosts.map((p) => [p.threadId, p.excerpt])).toEqual([[old.threadId, 'old words']]);
    const fellow = await createMember();
    await addToGroup(chapter.id, fellow.id);
    const inside = await getProfile(as(fellow), dan.id);
    expect(inside.recentPosts.map((p) => p.excerpt)).toEqual(Array.from({ length: 10 }, (_, i) => `hidden ${RECENT_POSTS_WALK - i}`));
  });

  it('gives public details only, never the email address, and says whether there is an avatar', async () => {
    const { alice } = await aliceInTwoGroups();
    const profile = await getProfile(as(null), alice.id);
    expect(profile.member).toMatchObject({ id: alice.id, name: alice.name, profession: 'Notary', website: 'https://alice.example/', hasAvatar: false, avatarUrl: null });
    expect(profile.member.socialLinks).toEqual(['https://social.example/alice']);
    expect(JSON.stringify(profile)).not.toContain(alice.email);
    expect(JSON.stringify(profile)).not.toContain('argon2');
    expect(profile.isSelf).toBe(false);
    expect((await getProfile(as(alice), alice.id)).isSelf).toBe(true);
  });

  it('never returns a link that is not http(s), even one that reached the database some other way', async () => {
    const member = await createMember({ website: 'javascript:alert(1)', socialLinks: ['data:text/html,<script>x</script>', 'https://ok.example/'] });
    const profile = await getProfile(as(null), member.id);
    expect(profile.member.website).toBeNull();
    expect(profile.member.socialLinks).toEqual(['https://ok.example/']);
  });

  it('answers not found for an unknown member', async () => {
    await expect(getProfile(as(null), 2 ** 31 - 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProfile(as(null), -1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('plainExcerpt', () => {
  it('turns sanitized HTML into one line of text', () => {
    expect(plainExcerpt('<p>Tom &amp; Jerry&#39;s <strong>deal</strong></p>\n<blockquote><p>5 &gt; 3</p></blockquote>', 200)).toBe("Tom & Jerry's deal 5 > 3");
  });

  it('cuts long text at a word, and drops a tag cut in half', () => {
    expect(plainExcerpt(`<p>${'word '.repeat(100)}</p>`, 22)).toBe('word word word word…');
    expect(plainExcerpt('<p>hello</p><a href="https://exa', 200)).toBe('hello');
  });
});
