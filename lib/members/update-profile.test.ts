import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';
import { createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groupMembers, members } from '@/db/schema';
import { ConflictError, InvalidInputError } from '../errors';
import { updateProfile } from './update-profile';

const as = (member: { id: number; name: string }) => ({ db: testDb(), viewer: viewerOf(member) });

async function memberRow(id: number) {
  const [row] = await testDb().select().from(members).where(eq(members.id, id));
  return row!;
}

const fullProfile = {
  name: '  Leïla Benali  ',
  profession: 'Accountant',
  company: 'Benali & Associés',
  city: 'Casablanca',
  country: 'Morocco',
  languages: ['ar', 'fr', 'en', 'fr'],
  bio: 'Tax and payroll for small firms.\nSecond line.',
  website: 'https://benali.example',
  socialLinks: ['', 'https://www.linkedin.com/in/benali', '', '', ''],
};

describe('updateProfile', () => {
  it('saves the profile, trimmed and normalised', async () => {
    const member = await createMember();
    await updateProfile(as(member), fullProfile);
    expect(await memberRow(member.id)).toMatchObject({
      name: 'Leïla Benali',
      profession: 'Accountant',
      company: 'Benali & Associés',
      city: 'Casablanca',
      country: 'Morocco',
      languages: ['ar', 'fr', 'en'],
      bio: 'Tax and payroll for small firms.\nSecond line.',
      website: 'https://benali.example/',
      socialLinks: ['https://www.linkedin.com/in/benali'],
    });
  });

  it('clears emptied fields and leaves absent ones alone', async () => {
    const member = await createMember();
    await updateProfile(as(member), fullProfile);
    await updateProfile(as(member), { company: '  ', website: '', socialLinks: [] });
    expect(await memberRow(member.id)).toMatchObject({ company: null, website: null, socialLinks: [], city: 'Casablanca', languages: ['ar', 'fr', 'en'] });
  });

  it('edits only the signed-in member, and ignores fields that are not part of a profile', async () => {
    const member = await createMember();
    const other = await createMember();
    await updateProfile(as(member), { name: 'New Name', email: other.email, isAdmin: true, id: other.id });
    const row = await memberRow(member.id);
    expect(row).toMatchObject({ name: 'New Name', isAdmin: false, email: member.email });
    expect(await memberRow(other.id)).toEqual(other);
  });

  it.each([
    ['a website that is not a URL', { website: 'not a website' }, 'website', /starting with https:\/\//],
    ['a javascript: website', { website: 'javascript:alert(document.cookie)' }, 'website', /starting with https:\/\//],
    ['a JAVASCRIPT: website with spaces', { website: '  JaVaScRiPt:alert(1)' }, 'website', /starting with https:\/\//],
    ['a data: website', { website: 'data:text/html,<script>alert(1)</script>' }, 'website', /starting with https:\/\//],
    ['a website with a user:password@ part', { website: 'https://bank.example@evil.example/' }, 'website', /starting with https:\/\//],
    ['an ftp: social link', { socialLinks: ['https://ok.example', 'ftp://files.example'] }, 'socialLinks.1', /starting with https:\/\//],
    ['six social links', { socialLinks: Array.from({ length: 6 }, (_, i) => `https://s${i}.example`) }, 'socialLinks', /at most 5 links/],
    ['a bio over 1000 characters', { bio: 'x'.repeat(1001) }, 'bio', /limited to 1000 characters/],
    ['a one-letter name', { name: 'A' }, 'name', /Enter your name/],
    ['an 81-character name', { name: 'n'.repeat(81) }, 'name', /limited to 80/],
    ['an 81-character profession', { profession: 'p'.repeat(81) }, 'profession', /limited to 80/],
    ['a 121-character company', { company: 'c'.repeat(121) }, 'company', /limited to 120/],
    ['an unknown language code', { languages: ['fr', 'xx'] }, 'languages.1', /from the list/],
    ['eleven languages', { languages: ['ar', 'hi', 'ru', 'fr', 'en', 'es', 'de', 'pt', 'it', 'zh', 'tr'] }, 'languages', /at most 10/],
    ['a language list that is not a list', { languages: 'fr' }, 'languages', /from the list/],
  ])('refuses %s and changes nothing', async (_, input, field, message) => {
    const member = await createMember();
    await updateProfile(as(member), fullProfile);
    const before = await memberRow(member.id);
    const error = await updateProfile(as(member), { ...fullProfile, name: 'Changed Name', ...input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors[field]?.join(' ')).toMatch(message);
    expect(await memberRow(member.id)).toEqual(before);
  });

  describe('in a one-seat-per-profession chapter', () => {
    async function seatedAccountant() {
      const member = await createMember({ profession: 'Accountant' });
      const chapter = await createGroup({ name: `Referral chapter ${member.id}`, onePerProfession: true, visibility: 'private' });
      await testDb().insert(groupMembers).values({ groupId: chapter.id, memberId: member.id, professionSeat: 'accountant' });
      return { member, chapter };
    }

    it('refuses a change of profession while the seat is held, and changes nothing', async () => {
      const { member, chapter } = await seatedAccountant();
      for (const profession of ['Lawyer', '']) {
        const error = await updateProfile(as(member), { ...fullProfile, profession }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as Error).message).toBe(`You hold the Accountant seat in ${chapter.name}: leave it before changing profession.`);
      }
      expect(await memberRow(member.id)).toMatchObject({ profession: 'Accountant', city: null });
    });

    it('allows the same profession written differently, and edits of everything else', async () => {
      const { member } = await seatedAccountant();
      await updateProfile(as(member), { ...fullProfile, profession: '  ACCOUNTANT ' });
      expect(await memberRow(member.id)).toMatchObject({ profession: 'ACCOUNTANT', city: 'Casablanca' });
    });

    it('allows the change once the seat is given up', async () => {
      const { member, chapter } = await seatedAccountant();
      await testDb().delete(groupMembers).where(eq(groupMembers.groupId, chapter.id));
      await updateProfile(as(member), { profession: 'Lawyer' });
      expect((await memberRow(member.id)).profession).toBe('Lawyer');
    });

    it('waits for a seat being taken at that very moment, then refuses', async () => {
      const member = await createMember({ profession: 'Accountant' });
      const chapter = await createGroup({ onePerProfession: true });
      // The seat is taken on another connection, whose transaction stays open until we say.
      const other = connect(inject('databaseUrl'), 1);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let seated!: () => void;
      const seatTaken = new Promise<void>((resolve) => (seated = resolve));
      const joining = other.db.transaction(async (tx) => {
        await tx.insert(groupMembers).values({ groupId: chapter.id, memberId: member.id, professionSeat: 'accountant' });
        seated();
        await released;
      });
      await seatTaken;
      const changing = updateProfile(as(member), { profession: 'Lawyer' }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await joining;
      await other.sql.end();
      expect(await changing).toBeInstanceOf(ConflictError);
      expect((await memberRow(member.id)).profession).toBe('Accountant');
    });

    it('does not mind seats in chapters without the rule', async () => {
      const member = await createMember({ profession: 'Accountant' });
      const club = await createGroup({ onePerProfession: false });
      await testDb().insert(groupMembers).values({ groupId: club.id, memberId: member.id });
      await updateProfile(as(member), { profession: 'Lawyer' });
      expect((await memberRow(member.id)).profession).toBe('Lawyer');
    });
  });
});
