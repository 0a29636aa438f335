import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groupBans } from '@/db/schema';
import { createReply } from '../posts/create-reply';
import { InvalidInputError, NotFoundError } from '../errors';
import { mentionableMembers } from './mentionable-members';
import { parseMentions } from './mentions';

/** A word no other test's member starts with, in the given alphabet, so prefixes find only this test's people. */
const word = (alphabet = 'bcdfghjklmnpqrstvwxz', length = 8) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const ask = (viewer: { id: number; name: string }, input: Record<string, unknown>) => mentionableMembers({ db: testDb(), viewer: viewerOf(viewer) }, input);
const names = (found: { name: string }[]) => found.map((m) => m.name);

describe('mentionableMembers', () => {
  it('suggests a private group’s members but neither outsiders nor the banned', async () => {
    const prefix = word();
    const { thread, owner, group } = await createThreadFixture({ visibility: 'private', joinPolicy: 'invite' });
    const insider = await createMember({ name: `${capital(prefix)} Insider` });
    await createMember({ name: `${capital(prefix)} Outsider` });
    const banned = await createMember({ name: `${capital(prefix)} Banned` });
    await addToGroup(group.id, insider.id);
    await addToGroup(group.id, banned.id);
    await testDb().insert(groupBans).values({ groupId: group.id, memberId: banned.id, bannedById: owner.id });

    const found = await ask(owner, { threadId: thread.id, q: prefix });
    expect(found).toEqual([{ id: insider.id, name: insider.name, handle: insider.handle, avatarUrl: null }]);
    expect(insider.handle).toBe(`${prefix}.insider`);
    // The same for a new thread of the group, and by handle as well as by name.
    expect(names(await ask(owner, { groupSlug: group.slug, q: `@${prefix}.ins` }))).toEqual([insider.name]);
    expect(names(await ask(insider, { threadId: thread.id, q: prefix }))).toEqual([]);
  });

  it('suggests anyone for a public thread, its writers first and then the group’s members', async () => {
    const prefix = word();
    const { thread, owner, group } = await createThreadFixture();
    const stranger = await createMember({ name: `${capital(prefix)} Aaron` });
    const member = await createMember({ name: `${capital(prefix)} Bella` });
    const writer = await createMember({ name: `${capital(prefix)} Chris` });
    await addToGroup(group.id, member.id);
    await addToGroup(group.id, writer.id);
    await createReply({ db: testDb(), viewer: viewerOf(writer) }, { threadId: thread.id, body: 'Count me in.' });

    expect(names(await ask(owner, { threadId: thread.id, q: prefix.toUpperCase() }))).toEqual([writer.name, member.name, stranger.name]);
    // Without a thread, the group's members come first.
    expect(names(await ask(stranger, { groupSlug: group.slug, q: prefix }))).toEqual([member.name, writer.name]);
  });

  it('answers "not found" to an outsider asking about a private thread or group', async () => {
    const { thread, group } = await createThreadFixture({ visibility: 'private', joinPolicy: 'invite' });
    const outsider = await createMember();
    await expect(ask(outsider, { threadId: thread.id, q: 'a' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(outsider, { groupSlug: group.slug, q: 'a' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('does not offer a suspended member', async () => {
    const prefix = word();
    const { thread, owner } = await createThreadFixture();
    await createMember({ name: `${capital(prefix)} Away`, suspendedUntil: new Date(Date.now() + 86_400_000), suspendedReason: 'Spam' });
    const back = await createMember({ name: `${capital(prefix)} Back`, suspendedUntil: new Date(Date.now() - 60_000), suspendedReason: 'Spam' });
    expect(names(await ask(owner, { threadId: thread.id, q: prefix }))).toEqual([back.name]);
  });

  it('never suggests the viewer', async () => {
    const prefix = word();
    const { thread, group } = await createThreadFixture();
    const me = await createMember({ name: `${capital(prefix)} Me` });
    const other = await createMember({ name: `${capital(prefix)} Other` });
    await addToGroup(group.id, me.id);
    expect(names(await ask(me, { threadId: thread.id, q: prefix }))).toEqual([other.name]);
    expect(names(await ask(me, { threadId: thread.id, q: me.handle }))).toEqual([]);
  });

  it('keeps a private chapter’s public circle to the chapter’s members', async () => {
    const prefix = word();
    const chapter = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    const circle = await createGroup({ parentId: chapter.id });
    const viewer = await createMember();
    const fellow = await createMember({ name: `${capital(prefix)} Fellow` });
    await createMember({ name: `${capital(prefix)} Stranger` });
    for (const m of [viewer, fellow]) await addToGroup(chapter.id, m.id);
    await addToGroup(circle.id, viewer.id);
    expect(names(await ask(viewer, { groupSlug: circle.slug, q: prefix }))).toEqual([fellow.name]);
  });

  it('finds handles in Arabic and Devanagari script, as parseMentions reads them', async () => {
    const arabic = word('ابتثجحخدذرزسشصضطظعغفقكلمنهوي');
    const { thread, owner } = await createThreadFixture();
    const amina = await createMember({ name: `${arabic} حداد` });
    expect(amina.handle).toBe(`${arabic}.حداد`);
    expect(await ask(owner, { threadId: thread.id, q: `@${arabic.slice(0, 4)}` })).toEqual([{ id: amina.id, name: amina.name, handle: amina.handle, avatarUrl: null }]);
    expect(parseMentions(`شكراً @${amina.handle}!`)).toEqual([amina.handle]);

    // The database leaves Devanagari vowel signs out of handles; a name typed with them still finds the member.
    const devanagari = word('कखगघचछजझटडतदनपबमयरलवसह');
    const priya = await createMember({ name: `${devanagari}प्रिया शर्मा` });
    expect(names(await ask(owner, { threadId: thread.id, q: `@${devanagari}प्रि` }))).toEqual([priya.name]);
    expect(names(await ask(owner, { threadId: thread.id, q: priya.handle }))).toEqual([priya.name]);
    expect(parseMentions(`नमस्ते @${priya.handle}।`)).toEqual([priya.handle]);
  });

  it('matches what was typed literally and refuses empty or vague questions', async () => {
    const { thread, owner } = await createThreadFixture();
    await createMember({ name: 'Percent Person' });
    expect(await ask(owner, { threadId: thread.id, q: '%' })).toEqual([]);
    expect(await ask(owner, { threadId: thread.id, q: '_' })).toEqual([]);
    for (const input of [{ threadId: thread.id, q: '@' }, { threadId: thread.id, q: 'x'.repeat(41) }, { q: 'ab' }, { threadId: thread.id, groupSlug: 'x', q: 'ab' }]) {
      await expect(ask(owner, input)).rejects.toBeInstanceOf(InvalidInputError);
    }
  });
});
