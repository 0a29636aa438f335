/**
 * What every search engine must do, run against each one available (lib/search/search-test-engines.ts).
 * Each test makes its own groups and unique words, so tests running side by side never see each other's posts.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import type { Viewer } from '../context';
import { leaveGroup } from '../groups/leave-group';
import { updateGroup } from '../groups/update-group';
import { closeThread } from '../moderation/close-thread';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { editPost } from '../posts/edit-post';
import { createThread } from '../threads/create-thread';
import type { SearchEngine } from './engine';
import { MARK_END, MARK_START } from './engine';
import { searchArchive, suggestThreads } from './search-archive';
import { availableEngines } from './search-test-engines';

const engines = await availableEngines();

/** A made-up word no other test writes: letters only, so every stemmer keeps it whole. */
function uniqueWord(): string {
  return `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

async function groupWithOwner(visibility: 'public' | 'private' = 'public') {
  const group = await createGroup({ visibility, joinPolicy: visibility === 'public' ? 'open' : 'invite' });
  const owner = await createMember();
  await addToGroup(group.id, owner.id, 'owner');
  return { group, owner: viewerOf(owner) };
}

async function post(author: Viewer, groupSlug: string, title: string, body: string) {
  return createThread({ db: testDb(), viewer: author }, { groupSlug, title, body });
}

describe.each(engines.map((engine) => [engine.name, engine] as const))('search contract: %s', (_name, engine: SearchEngine) => {
  const drain = () => drainSearchOutboxAlone(engine);
  const search = (viewer: Viewer | null, input: Record<string, unknown>) => searchArchive({ db: testDb(), viewer }, input, engine);

  it('finds a post by a word in it, with its thread, group, author and the word highlighted', async () => {
    const { group, owner } = await groupWithOwner();
    const word = uniqueWord();
    const ref = await post(owner, group.slug, 'Referral partners wanted', `We need a ${word} specialist for our clients.`);
    await drain();
    const { hits, total } = await search(null, { q: word });
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({
      postId: ref.postId,
      number: 1,
      url: `/t/${ref.threadId}?page=1#p1`,
      thread: { id: ref.threadId, title: 'Referral partners wanted', replyCount: 0 },
      group: { slug: group.slug, name: group.name },
      author: { id: owner.id, name: owner.name },
    });
    expect(hits[0]!.snippet).toContain(`${MARK_START}${word}${MARK_END}`);
  });

  it('finds a word across inflections and forgives a typo in a long word', async () => {
    const { group, owner } = await groupWithOwner();
    await post(owner, group.slug, 'Monthly meetups', 'Our chapter is networking with the architects of the region.');
    const long = `${uniqueWord()}ation`;
    await post(owner, group.slug, 'A rare term', `The ${long} came up at breakfast.`);
    await drain();
    expect((await search(null, { q: 'networks', group: group.slug })).total).toBe(1);
    // Two consonants swapped at the start: the stemmers treat the misspelt word as they treat the word.
    const typo = `qz${long.slice(2)}`;
    expect((await search(null, { q: typo, group: group.slug })).hits[0]?.thread.title).toBe('A rare term');
  });

  it('applies phrases, exclusions and filters written in the query or set by controls', async () => {
    const { group, owner } = await groupWithOwner();
    const member = viewerOf(await createMember({ name: `Zelda ${uniqueWord()}` }));
    await addToGroup(group.id, member.id);
    const word = uniqueWord();
    const a = await post(owner, group.slug, `${word} in the title`, 'The quarterly review is due.');
    const b = await post(member, group.slug, 'Another thread', `Body mentions ${word} and the review is quarterly.`);
    await closeThread({ db: testDb(), viewer: owner }, { threadId: b.threadId, reason: 'Done' });
    await drain();
    const ids = async (input: Record<string, unknown>) => (await search(null, input)).hits.map((h) => h.thread.id).sort();
    expect(await ids({ q: `${word} in:title` })).toEqual([a.threadId]);
    expect(await ids({ q: word, in: 'title' })).toEqual([a.threadId]);
    expect(await ids({ q: `${word} author:${member.name.split(' ')[1]}` })).toEqual([b.threadId]);
    expect(await ids({ q: `${word} status:closed` })).toEqual([b.threadId]);
    expect(await ids({ q: word, status: 'open' })).toEqual([a.threadId]);
    expect(await ids({ q: `${word} "quarterly review"` })).toEqual([a.threadId]);
    expect(await ids({ q: `${word} -quarterly` })).toEqual([]);
    expect(await ids({ q: `${word} group:${group.slug}` })).toEqual([a.threadId, b.threadId].sort());
    expect(await ids({ q: `${word} before:2000-01-01` })).toEqual([]);
    expect(await ids({ q: `${word} after:2000-01-01` })).toEqual([a.threadId, b.threadId].sort());
  });

  it('treats unknown or broken syntax as text, never as an error', async () => {
    const { group, owner } = await groupWithOwner();
    const word = uniqueWord();
    await post(owner, group.slug, 'Syntax', `Look for ${word} here.`);
    await drain();
    for (const q of [`${word} colour:blue`, `${word} before:yesterday`, `"${word}`, `${word} status:whatever`, `${word} -`, `${word} order:sideways`]) {
      await expect(search(null, { q })).resolves.toMatchObject({ empty: false });
    }
    expect((await search(null, { q: `"${word}` })).total).toBe(1);
    expect((await search(null, { q: '' })).empty).toBe(true);
  });

  it('orders by newest, oldest and most replies', async () => {
    const { group, owner } = await groupWithOwner();
    const word = uniqueWord();
    const first = await post(owner, group.slug, 'First', `Old ${word}`);
    const second = await post(owner, group.slug, 'Second', `New ${word}`);
    await createReply({ db: testDb(), viewer: owner }, { threadId: first.threadId, body: 'A reply' });
    await drain();
    const order = async (sort: string) => (await search(null, { q: word, sort })).hits.map((h) => h.thread.id);
    expect(await order('newest')).toEqual([second.threadId, first.threadId]);
    expect(await order('oldest')).toEqual([first.threadId, second.threadId]);
    expect(await order('replies')).toEqual([first.threadId, second.threadId]);
  });

  it('shows one result per thread and follows edits and deletions', async () => {
    const { group, owner } = await groupWithOwner();
    const word = uniqueWord();
    const thread = await post(owner, group.slug, 'One thread', `Opening ${word}`);
    const reply = await createReply({ db: testDb(), viewer: owner }, { threadId: thread.threadId, body: `Reply ${word} ${word}` });
    await drain();
    expect((await search(null, { q: word })).hits.map((h) => h.postId)).toEqual([reply.postId]);
    await deletePost({ db: testDb(), viewer: owner }, { postId: reply.postId });
    // A deleted post is hidden even before the index has caught up.
    expect((await search(null, { q: word })).hits.map((h) => h.postId)).toEqual([thread.postId]);
    const renamed = uniqueWord();
    await editPost({ db: testDb(), viewer: owner }, { postId: thread.postId, body: `Opening ${renamed}` });
    await drain();
    expect((await search(null, { q: word })).total).toBe(0);
    expect((await search(null, { q: renamed })).total).toBe(1);
  });

  describe('privacy', () => {
    it('never shows a private group to outsiders: page search, suggestions and counts', async () => {
      const { group, owner } = await groupWithOwner('private');
      const member = viewerOf(await createMember());
      await addToGroup(group.id, member.id);
      const outsider = viewerOf(await createMember());
      const word = uniqueWord();
      await post(owner, group.slug, `Confidential ${word}`, `Board minutes about ${word}.`);
      await drain();
      for (const viewer of [null, outsider]) {
        expect(await search(viewer, { q: word })).toMatchObject({ hits: [], total: 0 });
        expect(await search(viewer, { q: word, group: group.slug })).toMatchObject({ hits: [], total: 0 });
        expect(await suggestThreads({ db: testDb(), viewer }, { q: word.slice(0, 5) }, engine)).toMatchObject({ hits: [] });
      }
      expect((await search(member, { q: word })).total).toBe(1);
      expect((await suggestThreads({ db: testDb(), viewer: member }, { q: word.slice(0, 6) }, engine)).hits.map((h) => h.thread.title)).toEqual([`Confidential ${word}`]);
    });

    it('hides a group the moment it turns private, and a group from a member who left', async () => {
      const { group, owner } = await groupWithOwner('public');
      const member = viewerOf(await createMember());
      await addToGroup(group.id, member.id);
      const word = uniqueWord();
      await post(owner, group.slug, 'Open talk', `Public ${word}`);
      await drain();
      expect((await search(null, { q: word })).total).toBe(1);
      await updateGroup(
        { db: testDb(), viewer: owner },
        { groupSlug: group.slug, name: group.name, description: '', visibility: 'private', joinPolicy: 'invite', postingPolicy: 'members' },
      );
      expect((await search(null, { q: word })).total).toBe(0);
      expect((await search(member, { q: word })).total).toBe(1);
      await leaveGroup({ db: testDb(), viewer: member }, { groupSlug: group.slug });
      expect((await search(member, { q: word })).total).toBe(0);
    });
  });
});
