import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupBans, groupMembers, groups, members } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { canReadGroup, type GroupAccess, type GroupRole } from '../permissions';

/** Subgroups nest one level today; the cap only stops a corrupt parent cycle from looping. */
const MAX_DEPTH = 8;

/**
 * Which of `memberIds` may read the group, each decided by canReadGroup with their own
 * standing in the group and its parents, in a few queries however many people ask: the
 * fan-out checks thousands of watchers at once, and at send time again.
 */
export async function readersAmong(db: Db, groupId: number, memberIds: number[]): Promise<Set<number>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Set();
  const chain = await groupChain(db, groupId);
  const chainIds = chain.map((g) => g.id);
  const roles = await db
    .select({ groupId: groupMembers.groupId, memberId: groupMembers.memberId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(inArray(groupMembers.groupId, chainIds), sql`${groupMembers.memberId} = any(${intArray(ids)})`));
  const bans = await db
    .select({ groupId: groupBans.groupId, memberId: groupBans.memberId })
    .from(groupBans)
    .where(and(inArray(groupBans.groupId, chainIds), sql`${groupBans.memberId} = any(${intArray(ids)})`));
  const admins = await db.select({ id: members.id }).from(members).where(and(sql`${members.id} = any(${intArray(ids)})`, eq(members.isAdmin, true)));
  const roleOf = new Map(roles.map((r) => [`${r.groupId}:${r.memberId}`, r.role as GroupRole]));
  const banned = new Set(bans.map((b) => `${b.groupId}:${b.memberId}`));
  const adminIds = new Set(admins.map((a) => a.id));

  const accessFor = (memberId: number, depth: number): GroupAccess | null => {
    const group = chain[depth];
    if (!group) return null;
    const key = `${group.id}:${memberId}`;
    return { ...group, role: roleOf.get(key) ?? null, banned: banned.has(key), pending: false, parent: accessFor(memberId, depth + 1) };
  };
  return new Set(ids.filter((id) => canReadGroup({ id, name: '', isAdmin: adminIds.has(id) }, accessFor(id, 0)!)));
}

type ChainLink = Pick<GroupAccess, 'visibility' | 'joinPolicy' | 'postingPolicy'> & { id: number };

/** The group, then its parent, then the parent's parent… */
async function groupChain(db: Db, groupId: number): Promise<ChainLink[]> {
  const chain: ChainLink[] = [];
  let next: number | null = groupId;
  for (let depth = 0; next !== null && depth < MAX_DEPTH; depth++) {
    const [row] = await db
      .select({ id: groups.id, visibility: groups.visibility, joinPolicy: groups.joinPolicy, postingPolicy: groups.postingPolicy, parentId: groups.parentId })
      .from(groups)
      .where(eq(groups.id, next));
    if (!row) break;
    chain.push(row);
    next = row.parentId;
  }
  return chain;
}
