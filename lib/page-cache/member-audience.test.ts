import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb } from '@/db/test/factories';
import { closeSession, openSession } from '../auth/sessions';
import { memberAudience } from './member-audience';

const SECRET = 'member-audience-test-secret';

async function sessionCookie(memberId: number): Promise<{ token: string; sid: string }> {
  const sid = await openSession(testDb(), memberId);
  return { token: await encode({ token: { sid }, secret: SECRET }), sid };
}

describe('memberAudience', () => {
  it('gives members who read the same groups the same audience, and a member of a private group another', async () => {
    const privateGroup = await createGroup({ visibility: 'private' });
    const [alice, bob, carol] = await Promise.all([createMember(), createMember(), createMember()]);
    await addToGroup(privateGroup.id, carol.id);
    const tokens = await Promise.all([alice, bob, carol].map(async (m) => (await sessionCookie(m.id)).token));
    const audiences = () => Promise.all(tokens.map((token) => memberAudience(testDb(), token, SECRET)));
    // Every audience lists the public groups, which other test files create meanwhile: compare readings taken with none created between.
    await expect.poll(async () => {
      const [a, b] = await audiences();
      return a !== null && JSON.stringify(a) === JSON.stringify(b);
    }).toBe(true);
    const [a, , c] = await audiences();
    expect(c!.readableGroups.split(',')).toContain(String(privateGroup.id));
    expect(a!.readableGroups.split(',')).not.toContain(String(privateGroup.id));
  });

  it('sets a group’s moderators apart, and gives a site admin none', async () => {
    const group = await createGroup();
    const [admin, moderator, member] = await Promise.all([createMember({ isAdmin: true }), createMember(), createMember()]);
    await Promise.all([addToGroup(group.id, moderator.id, 'moderator'), addToGroup(group.id, member.id)]);
    const audienceOf = async (memberId: number) => memberAudience(testDb(), (await sessionCookie(memberId)).token, SECRET);
    expect(await audienceOf(admin.id)).toBeNull();
    expect((await audienceOf(moderator.id))!.moderatedGroups).toBe(String(group.id));
    expect((await audienceOf(member.id))!.moderatedGroups).toBe('');
  });

  it('carries the language the member chose', async () => {
    const member = await createMember({ locale: 'ar' });
    expect((await memberAudience(testDb(), (await sessionCookie(member.id)).token, SECRET))?.locale).toBe('ar');
  });

  it('has no audience for a closed session, a forged token or a token sealed with another secret', async () => {
    const member = await createMember();
    const { token, sid } = await sessionCookie(member.id);
    // Opened once with the right secret first: a token remembered as good stays tied to its secret and its session row.
    expect(await memberAudience(testDb(), token, SECRET)).not.toBeNull();
    expect(await memberAudience(testDb(), token, 'another secret')).toBeNull();
    expect(await memberAudience(testDb(), 'not-a-token', SECRET)).toBeNull();
    await closeSession(testDb(), sid);
    expect(await memberAudience(testDb(), token, SECRET)).toBeNull();
  });
});
