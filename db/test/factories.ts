/**
 * Test factories: each call creates unique rows (no test depends on another's data)
 * and accepts any database handle, so it also works inside a transaction.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Viewer } from '@/lib/context';
import { createThread } from '@/lib/threads/create-thread';
import { getDb, type Db } from '../client';
import { groupMembers, groups, members, threads } from '../schema';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

// Hash of "correct horse battery" (argon2id), so factories need not spend time hashing.
export const FACTORY_PASSWORD = 'correct horse battery';
const FACTORY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$XquM68sThy1OgeQ/uHMBQQ$dKFpIxpO/rrgD7XVBDyG/UkluYpfVfnKXTMWqvtyypQ';

export function testDb(): Db {
  return getDb();
}

export async function createMember(overrides: Partial<typeof members.$inferInsert> = {}, db: Db = testDb()) {
  const id = unique();
  const [member] = await db
    .insert(members)
    .values({ email: `member-${id}@example.test`, name: `Member ${id}`, passwordHash: FACTORY_PASSWORD_HASH, ...overrides })
    .returning();
  return member!;
}

export function viewerOf(member: { id: number; name: string; isAdmin?: boolean }): Viewer {
  return { id: member.id, name: member.name, isAdmin: member.isAdmin ?? false };
}

export async function createGroup(overrides: Partial<typeof groups.$inferInsert> = {}, db: Db = testDb()) {
  const id = unique();
  const [group] = await db.insert(groups).values({ slug: `group-${id}`, name: `Group ${id}`, ...overrides }).returning();
  return group!;
}

export async function addToGroup(groupId: number, memberId: number, role: 'owner' | 'moderator' | 'member' = 'member', db: Db = testDb()) {
  await db.insert(groupMembers).values({ groupId, memberId, role });
}

/** A group with an owner who has started one thread in it. */
export async function createThreadFixture(groupOverrides: Partial<typeof groups.$inferInsert> = {}) {
  const group = await createGroup(groupOverrides);
  const owner = await createMember();
  await addToGroup(group.id, owner.id, 'owner');
  const ref = await createThread({ db: testDb(), viewer: viewerOf(owner) }, { groupSlug: group.slug, title: 'Looking for a notary', body: 'Who knows a good notary?' });
  const [thread] = await testDb().select().from(threads).where(eq(threads.id, ref.threadId));
  return { group, owner, thread: thread!, openingPostId: ref.postId };
}
