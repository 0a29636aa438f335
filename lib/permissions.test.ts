import { describe, expect, it } from 'vitest';
import type { Viewer } from './context';
import { canEditPost, canJoinGroup, canReadGroup, canReplyToThread, canStartThread, type GroupAccess } from './permissions';

const member: Viewer = { id: 1, name: 'Member', isAdmin: false };
const admin: Viewer = { id: 2, name: 'Admin', isAdmin: true };
const group = (over: Partial<GroupAccess> = {}): GroupAccess => ({ visibility: 'public', joinPolicy: 'open', postingPolicy: 'members', role: null, banned: false, pending: false, parent: null, ...over });
const open = { closed: false, archived: false, deletedAt: null };

describe('permissions', () => {
  it('lets anyone read public groups, and only members and admins read private ones', () => {
    expect(canReadGroup(null, group())).toBe(true);
    expect(canReadGroup(null, group({ visibility: 'private' }))).toBe(false);
    expect(canReadGroup(member, group({ visibility: 'private' }))).toBe(false);
    expect(canReadGroup(member, group({ visibility: 'private', role: 'member' }))).toBe(true);
    expect(canReadGroup(admin, group({ visibility: 'private' }))).toBe(true);
  });

  it('lets members post, and signed-in visitors where the group allows it', () => {
    expect(canStartThread(null, group({ postingPolicy: 'signed_in' }))).toBe(false);
    expect(canStartThread(member, group())).toBe(false);
    expect(canStartThread(member, group({ role: 'member' }))).toBe(true);
    expect(canStartThread(member, group({ postingPolicy: 'signed_in' }))).toBe(true);
    expect(canStartThread(member, group({ postingPolicy: 'signed_in', visibility: 'private' }))).toBe(false);
  });

  it('closes replies on closed, archived and deleted threads', () => {
    const mine = group({ role: 'member' });
    expect(canReplyToThread(member, mine, open)).toBe(true);
    expect(canReplyToThread(member, mine, { ...open, closed: true })).toBe(false);
    expect(canReplyToThread(member, mine, { ...open, archived: true })).toBe(false);
    expect(canReplyToThread(member, mine, { ...open, deletedAt: new Date() })).toBe(false);
  });

  it('lets authors edit their own live posts only', () => {
    expect(canEditPost(member, group(), { authorId: 1, deletedAt: null })).toBe(true);
    expect(canEditPost(member, group(), { authorId: 3, deletedAt: null })).toBe(false);
    expect(canEditPost(member, group(), { authorId: 1, deletedAt: new Date() })).toBe(false);
    expect(canEditPost(member, group({ visibility: 'private' }), { authorId: 1, deletedAt: null })).toBe(false);
    expect(canEditPost(null, group(), { authorId: 1, deletedAt: null })).toBe(false);
  });

  it('lets signed-in non-members join open groups only', () => {
    expect(canJoinGroup(member, group())).toBe(true);
    expect(canJoinGroup(null, group())).toBe(false);
    expect(canJoinGroup(member, group({ role: 'member' }))).toBe(false);
    expect(canJoinGroup(member, group({ joinPolicy: 'request' }))).toBe(false);
  });
});
