import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { groupMembers, groups, invitations, joinRequests } from '@/db/schema';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { listThreads } from '../threads/list-threads';
import { acceptInvitation, getInvitation } from './accept-invitation';
import { changeRole } from './change-role';
import { createGroup as createGroupVerb } from './create-group';
import { createInvitation } from './create-invitation';
import { hashInvitationToken } from './invitation-token';
import { joinGroup } from './join-group';
import { leaveGroup } from './leave-group';
import { myJoinRequest } from './list-join-requests';
import { removeMember } from './remove-member';
import { requestToJoin } from './request-to-join';
import { reviewJoinRequest } from './review-join-request';
import { revokeInvitation } from './revoke-invitation';
import { unbanMember } from './unban-member';
import { updateGroup } from './update-group';

const ctxOf = (m: { id: number; name: string; isAdmin?: boolean }) => ({ db: testDb(), viewer: viewerOf(m) });

async function chapter() {
  const owner = await createMember({ profession: 'Chapter president' });
  const group = await createGroup({ visibility: 'private', joinPolicy: 'request', onePerProfession: true });
  await addToGroup(group.id, owner.id, 'owner');
  return { group, owner };
}

async function membersOf(groupId: number) {
  return testDb().select().from(groupMembers).where(eq(groupMembers.groupId, groupId));
}

describe('asking to join and being approved', () => {
  it('lets the applicant read the private group once approved, and tells a declined one why', async () => {
    const { group, owner } = await chapter();
    const applicant = await createMember({ profession: 'Notary' });
    await expect(listThreads(ctxOf(applicant), group.slug)).rejects.toBeInstanceOf(NotFoundError);
    await requestToJoin(ctxOf(applicant), { groupSlug: group.slug, message: 'Referred by Amina' });
    await expect(requestToJoin(ctxOf(applicant), { groupSlug: group.slug })).rejects.toThrow(/already waiting/);
    expect(await myJoinRequest(ctxOf(applicant), group.id)).toMatchObject({ status: 'pending' });
    const [request] = await testDb().select().from(joinRequests).where(eq(joinRequests.memberId, applicant.id));
    await reviewJoinRequest(ctxOf(owner), { requestId: request!.id, decision: 'approve' });
    await expect(listThreads(ctxOf(applicant), group.slug)).resolves.toMatchObject({ threads: [] });
    await expect(reviewJoinRequest(ctxOf(owner), { requestId: request!.id, decision: 'decline' })).rejects.toThrow(/already approved/);

    const declined = await createMember({ profession: 'Florist' });
    await requestToJoin(ctxOf(declined), { groupSlug: group.slug });
    const [second] = await testDb().select().from(joinRequests).where(eq(joinRequests.memberId, declined.id));
    await reviewJoinRequest(ctxOf(owner), { requestId: second!.id, decision: 'decline', response: 'We already work with a florist.' });
    expect(await myJoinRequest(ctxOf(declined), group.id)).toMatchObject({ status: 'declined', response: 'We already work with a florist.' });
    await expect(listThreads(ctxOf(declined), group.slug)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to review requests of another group', async () => {
    const { group } = await chapter();
    const other = await chapter();
    const applicant = await createMember({ profession: 'Dentist' });
    await requestToJoin(ctxOf(applicant), { groupSlug: group.slug });
    const [request] = await testDb().select().from(joinRequests).where(eq(joinRequests.memberId, applicant.id));
    await expect(reviewJoinRequest(ctxOf(other.owner), { requestId: request!.id, decision: 'approve' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await membersOf(group.id)).toHaveLength(1);
  });
});

describe('one seat per profession', () => {
  it('refuses a second accountant while the seat is held, and frees the seat when the holder leaves', async () => {
    const { group, owner } = await chapter();
    const first = await createMember({ profession: 'Accountant' });
    const second = await createMember({ profession: ' accountant ' });
    const invitation = await createInvitation(ctxOf(owner), { groupSlug: group.slug, maxUses: 5 });
    const token = invitation.path.split('/').at(-1)!;
    await acceptInvitation(ctxOf(first), { token });
    await expect(acceptInvitation(ctxOf(second), { token })).rejects.toThrow(/accountant seat .* is already taken/);
    expect((await membersOf(group.id)).map((m) => m.memberId)).not.toContain(second.id);
    await leaveGroup(ctxOf(first), { groupSlug: group.slug });
    await acceptInvitation(ctxOf(second), { token });
    expect((await membersOf(group.id)).find((m) => m.memberId === second.id)?.professionSeat).toBe('accountant');
  });

  it('admits exactly one of two applicants approved at the same moment', async () => {
    const { group, owner } = await chapter();
    const moderator = await createMember({ profession: 'Moderator by trade' });
    await addToGroup(group.id, moderator.id, 'moderator');
    const applicants = await Promise.all([createMember({ profession: 'Architect' }), createMember({ profession: 'Architect' })]);
    for (const a of applicants) await requestToJoin(ctxOf(a), { groupSlug: group.slug });
    const requests = await testDb().select().from(joinRequests).where(eq(joinRequests.groupId, group.id));
    const wide = connect(inject('databaseUrl'), 4);
    const results = await Promise.allSettled(
      requests.map((r, i) => reviewJoinRequest({ db: wide.db, viewer: viewerOf(i === 0 ? owner : moderator) }, { requestId: r.id, decision: 'approve' })),
    );
    await wide.sql.end();
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const seated = (await membersOf(group.id)).filter((m) => m.professionSeat === 'architect');
    expect(seated).toHaveLength(1);
    const statuses = (await testDb().select().from(joinRequests).where(eq(joinRequests.groupId, group.id))).map((r) => r.status).sort();
    expect(statuses).toEqual(['approved', 'pending']);
  });

  it('asks for a profession before seating someone without one', async () => {
    const { group } = await chapter();
    await testDb().update(groups).set({ joinPolicy: 'open' }).where(eq(groups.id, group.id));
    const nobody = await createMember();
    await expect(joinGroup(ctxOf(nobody), { groupSlug: group.slug })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('cannot be turned on while two members share a profession', async () => {
    const owner = await createMember();
    const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    await addToGroup(group.id, owner.id, 'owner');
    for (const profession of ['Lawyer', 'lawyer']) await joinGroup(ctxOf(await createMember({ profession })), { groupSlug: group.slug });
    const settings = { groupSlug: group.slug, name: group.name, visibility: 'public', joinPolicy: 'open', postingPolicy: 'members', onePerProfession: true };
    await expect(updateGroup(ctxOf(owner), settings)).rejects.toThrow(/share a profession/);
    const [after] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(after!.onePerProfession).toBe(false);
  });
});

describe('invitations', () => {
  it('stores only a hash of an unguessable token, and joins even an invitation-only group', async () => {
    const owner = await createMember();
    const group = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    await addToGroup(group.id, owner.id, 'owner');
    const guest = await createMember();
    await expect(joinGroup(ctxOf(guest), { groupSlug: group.slug })).rejects.toThrow(/invitation only/);
    await expect(requestToJoin(ctxOf(guest), { groupSlug: group.slug })).rejects.toThrow(/invitation only/);
    const { id, path } = await createInvitation(ctxOf(owner), { groupSlug: group.slug });
    const token = path.split('/').at(-1)!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const [row] = await testDb().select().from(invitations).where(eq(invitations.id, id));
    expect(row!.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await getInvitation(ctxOf(guest), { token })).toMatchObject({ problem: null, group: { name: group.name } });
    await acceptInvitation(ctxOf(guest), { token });
    await expect(listThreads(ctxOf(guest), group.slug)).resolves.toBeDefined();
  });

  it('refuses expired, revoked, used-up, forged and other-address invitations, changing nothing', async () => {
    const owner = await createMember();
    const group = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    await addToGroup(group.id, owner.id, 'owner');
    const tokenOf = async (input: Record<string, unknown> = {}) => (await createInvitation(ctxOf(owner), { groupSlug: group.slug, ...input })).path.split('/').at(-1)!;

    const expired = await tokenOf();
    await testDb().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.tokenHash, hashInvitationToken(expired)));
    await expect(acceptInvitation(ctxOf(await createMember()), { token: expired })).rejects.toThrow(/expired/);

    const revokedToken = await tokenOf();
    const [revoked] = await testDb().select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(revokedToken)));
    await revokeInvitation(ctxOf(owner), { invitationId: revoked!.id });
    await expect(acceptInvitation(ctxOf(await createMember()), { token: revokedToken })).rejects.toThrow(/revoked/);

    const once = await tokenOf({ maxUses: 1 });
    await acceptInvitation(ctxOf(await createMember()), { token: once });
    await expect(acceptInvitation(ctxOf(await createMember()), { token: once })).rejects.toThrow(/used as many times/);

    await expect(acceptInvitation(ctxOf(await createMember()), { token: 'x'.repeat(43) })).rejects.toBeInstanceOf(NotFoundError);

    const personal = await tokenOf({ email: 'someone.else@example.test' });
    await expect(acceptInvitation(ctxOf(await createMember()), { token: personal })).rejects.toThrow(/another email/);

    expect(await membersOf(group.id)).toHaveLength(2);
  });

  it('is refused to a banned person', async () => {
    const owner = await createMember();
    const group = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    await addToGroup(group.id, owner.id, 'owner');
    const troll = await createMember();
    await addToGroup(group.id, troll.id);
    await removeMember(ctxOf(owner), { groupSlug: group.slug, memberId: troll.id, ban: true, reason: 'spam' });
    const token = (await createInvitation(ctxOf(owner), { groupSlug: group.slug })).path.split('/').at(-1)!;
    await expect(acceptInvitation(ctxOf(troll), { token })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listThreads(ctxOf(troll), group.slug)).rejects.toBeInstanceOf(NotFoundError);
    await unbanMember(ctxOf(owner), { groupSlug: group.slug, memberId: troll.id });
    await acceptInvitation(ctxOf(troll), { token });
  });
});

describe('roles', () => {
  it('refuses self-promotion and leaving a group without an owner', async () => {
    const owner = await createMember();
    const group = await createGroup();
    await addToGroup(group.id, owner.id, 'owner');
    const moderator = await createMember();
    await addToGroup(group.id, moderator.id, 'moderator');
    await expect(changeRole(ctxOf(moderator), { groupSlug: group.slug, memberId: moderator.id, role: 'owner' })).rejects.toThrow(/your own role/);
    await expect(leaveGroup(ctxOf(owner), { groupSlug: group.slug })).rejects.toThrow(/needs an owner/);
    await changeRole(ctxOf(owner), { groupSlug: group.slug, memberId: moderator.id, role: 'owner' });
    await leaveGroup(ctxOf(owner), { groupSlug: group.slug });
    expect((await membersOf(group.id)).map((m) => [m.memberId, m.role])).toEqual([[moderator.id, 'owner']]);
  });

  it('lets moderators remove plain members but not other moderators', async () => {
    const owner = await createMember();
    const group = await createGroup();
    await addToGroup(group.id, owner.id, 'owner');
    const [mod, otherMod] = [await createMember(), await createMember()];
    await addToGroup(group.id, mod.id, 'moderator');
    await addToGroup(group.id, otherMod.id, 'moderator');
    await expect(removeMember(ctxOf(mod), { groupSlug: group.slug, memberId: otherMod.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(ctxOf(mod), { groupSlug: group.slug, memberId: owner.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await membersOf(group.id)).toHaveLength(3);
  });
});

describe('creating groups and circles', () => {
  it('lets site admins create groups, owners open circles, and keeps circles of private groups private', async () => {
    const admin = await createMember({ isAdmin: true });
    const adminCtx = { db: testDb(), viewer: { ...viewerOf(admin), isAdmin: true } };
    const slug = `chapter-${Date.now()}`;
    const base = { name: 'Rabat chapter', visibility: 'private', joinPolicy: 'request', postingPolicy: 'members', onePerProfession: 'on' };
    await createGroupVerb(adminCtx, { ...base, slug });
    await expect(createGroupVerb(adminCtx, { ...base, slug })).rejects.toThrow(/is taken/);
    await expect(createGroupVerb(ctxOf(await createMember()), { ...base, slug: `${slug}-x` })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createGroupVerb(adminCtx, { ...base, slug: `${slug}-circle`, parentSlug: slug, visibility: 'public' })).rejects.toThrow(/must be private/);
    await createGroupVerb(adminCtx, { ...base, slug: `${slug}-circle`, parentSlug: slug });
    await expect(createGroupVerb(adminCtx, { ...base, slug: `${slug}-deeper`, parentSlug: `${slug}-circle` })).rejects.toBeInstanceOf(ForbiddenError);
    const [created] = await testDb().select().from(groups).where(eq(groups.slug, slug));
    expect(created).toMatchObject({ onePerProfession: true, visibility: 'private' });
  });

  it('makes circles private when their parent becomes private', async () => {
    const owner = await createMember();
    const parent = await createGroup({ visibility: 'public' });
    await addToGroup(parent.id, owner.id, 'owner');
    const circle = await createGroup({ visibility: 'public', parentId: parent.id });
    await updateGroup(ctxOf(owner), { groupSlug: parent.slug, name: parent.name, visibility: 'private', joinPolicy: 'request', postingPolicy: 'members' });
    const [after] = await testDb().select().from(groups).where(eq(groups.id, circle.id));
    expect(after!.visibility).toBe('private');
    await expect(listThreads({ db: testDb(), viewer: null }, circle.slug)).rejects.toBeInstanceOf(NotFoundError);
  });
});
