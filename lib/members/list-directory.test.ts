import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groupBans, members } from '@/db/schema';
import { InvalidInputError, NotFoundError } from '../errors';
import { listDirectory } from './list-directory';

const as = (member: { id: number; name: string; isAdmin?: boolean } | null) => ({ db: testDb(), viewer: member ? viewerOf(member) : null });
/** A profession no other test uses, so each test sees only its own members. */
const uniqueProfession = (base: string) => `${base} ${randomUUID().slice(0, 8)}`;

describe('listDirectory', () => {
  it('pages 30 at a time by name then id, with no member missed or repeated', async () => {
    const profession = uniqueProfession('Notary');
    // Some share a name, so the id has to break the tie across the page boundary.
    const names = Array.from({ length: 37 }, (_, i) => (i % 4 === 0 ? 'Same Name' : `Name ${String(i).padStart(2, '0')}`));
    for (const name of names) await createMember({ name, profession });

    const first = await listDirectory(as(null), { profession });
    expect(first.members).toHaveLength(30);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listDirectory(as(null), { profession, after: first.nextCursor });
    expect(second.members).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    // The pages, end to end, are exactly the one-query order (the database's collation, ties by id).
    const oneQuery = await testDb()
      .select({ id: members.id })
      .from(members)
      .where(eq(members.profession, profession))
      .orderBy(asc(members.name), asc(members.id));
    expect([...first.members, ...second.members].map((m) => m.id)).toEqual(oneQuery.map((r) => r.id));
    expect(first.members.filter((m) => m.name === 'Same Name')).not.toHaveLength(0);
    expect(second.members.filter((m) => m.name === 'Same Name')).not.toHaveLength(0);
  });

  it('pages exactly 30 with no next page', async () => {
    const profession = uniqueProfession('Surveyor');
    for (let i = 0; i < 30; i++) await createMember({ profession });
    const page = await listDirectory(as(null), { profession });
    expect(page.members).toHaveLength(30);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by profession, case-insensitive, whole or beginning, with no wildcards', async () => {
    const profession = uniqueProfession('Accountant');
    const a = await createMember({ profession });
    const b = await createMember({ profession: profession.toUpperCase() });
    await createMember({ profession: `Chief ${profession}` });
    const ids = async (filter: string) => (await listDirectory(as(null), { profession: filter })).members.map((m) => m.id).sort();
    expect(await ids(profession.toLowerCase())).toEqual([a.id, b.id].sort());
    expect(await ids(`  ${profession.slice(0, -2)}  `)).toEqual([a.id, b.id].sort());
    expect(await ids(profession.replace('Accountant', 'Acc_untant'))).toEqual([]);
    expect(await ids(profession.replace('Accountant', 'Acc%'))).toEqual([]);
  });

  it('filters by city, case-insensitive, and by language, together', async () => {
    const profession = uniqueProfession('Architect');
    const city = `Casablanca ${randomUUID().slice(0, 6)}`;
    const both = await createMember({ profession, city, languages: ['ar', 'fr'] });
    const cityOnly = await createMember({ profession, city: city.toUpperCase(), languages: ['en'] });
    await createMember({ profession, city: 'Rabat', languages: ['fr'] });
    const byCity = await listDirectory(as(null), { profession, city: city.toLowerCase() });
    expect(byCity.members.map((m) => m.id).sort()).toEqual([both.id, cityOnly.id].sort());
    const byBoth = await listDirectory(as(null), { profession, city, language: 'fr' });
    expect(byBoth.members.map((m) => m.id)).toEqual([both.id]);
    expect(byBoth.members[0]).toMatchObject({ name: both.name, city, languages: ['ar', 'fr'], hasAvatar: false, avatarUrl: null, role: null });
    expect(byBoth.filters).toEqual({ profession, city, language: 'fr' });
  });

  it('treats empty filters as none, and refuses unknown languages', async () => {
    const profession = uniqueProfession('Baker');
    const m = await createMember({ profession });
    const page = await listDirectory(as(null), { profession, city: '', language: '' });
    expect(page.members.map((r) => r.id)).toEqual([m.id]);
    const error = await listDirectory(as(null), { language: 'klingon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors).toEqual({ language: ['Choose languages from the list.'] });
  });

  it('starts over from a cursor it cannot read', async () => {
    const profession = uniqueProfession('Plumber');
    const m = await createMember({ profession });
    for (const after of ['garbage', Buffer.from('["x", -1]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect((await listDirectory(as(null), { profession, after })).members.map((r) => r.id)).toEqual([m.id]);
    }
  });

  it('never shows email addresses', async () => {
    const profession = uniqueProfession('Dentist');
    const m = await createMember({ profession });
    expect(JSON.stringify(await listDirectory(as(null), { profession }))).not.toContain(m.email);
  });

  describe('with a group', () => {
    async function privateChapter() {
      const profession = uniqueProfession('Consultant');
      const chapter = await createGroup({ visibility: 'private' });
      const owner = await createMember({ profession, name: 'Owner' });
      const member = await createMember({ profession, name: 'Member' });
      await createMember({ profession, name: 'Not in it' });
      await addToGroup(chapter.id, owner.id, 'owner');
      await addToGroup(chapter.id, member.id);
      return { chapter, owner, member, profession };
    }

    it('lists only that group’s members, with their roles, to fellow members and admins', async () => {
      const { chapter, owner, member, profession } = await privateChapter();
      const admin = await createMember({ isAdmin: true });
      for (const viewer of [member, admin]) {
        const page = await listDirectory(as(viewer), { group: chapter.slug, profession });
        expect(page.group).toEqual({ slug: chapter.slug, name: chapter.name });
        expect(page.members.map((m) => [m.id, m.role])).toEqual([
          [member.id, 'member'],
          [owner.id, 'owner'],
        ]);
      }
    });

    it('answers not found to outsiders, signed-out visitors and banned members of a private group', async () => {
      const { chapter, owner } = await privateChapter();
      const banned = await createMember();
      await addToGroup(chapter.id, banned.id);
      await testDb().insert(groupBans).values({ groupId: chapter.id, memberId: banned.id, bannedById: owner.id });
      for (const viewer of [await createMember(), null, banned]) {
        await expect(listDirectory(as(viewer), { group: chapter.slug })).rejects.toBeInstanceOf(NotFoundError);
      }
      await expect(listDirectory(as(null), { group: 'no-such-group-anywhere' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('answers not found for a public circle of a private chapter to outsiders', async () => {
      const { chapter, member } = await privateChapter();
      const circle = await createGroup({ visibility: 'public', parentId: chapter.id });
      await addToGroup(circle.id, member.id);
      await expect(listDirectory(as(await createMember()), { group: circle.slug })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listDirectory(as(member), { group: circle.slug })).members.map((m) => m.id)).toEqual([member.id]);
    });

    it('shows a public group’s members to anyone', async () => {
      const profession = uniqueProfession('Florist');
      const club = await createGroup({ visibility: 'public' });
      const m = await createMember({ profession });
      await addToGroup(club.id, m.id, 'moderator');
      const page = await listDirectory(as(null), { group: club.slug });
      expect(page.members.map((r) => [r.id, r.role])).toEqual([[m.id, 'moderator']]);
    });

    it('pages within the group', async () => {
      const club = await createGroup({ visibility: 'public' });
      for (let i = 0; i < 32; i++) await addToGroup(club.id, (await createMember()).id);
      const first = await listDirectory(as(null), { group: club.slug });
      const second = await listDirectory(as(null), { group: club.slug, after: first.nextCursor });
      expect([first.members.length, second.members.length, second.nextCursor]).toEqual([30, 2, null]);
      expect(new Set([...first.members, ...second.members].map((m) => m.id)).size).toBe(32);
    });
  });
});
