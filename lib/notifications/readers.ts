import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupBans, groupMembers, groups, members } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { canReadGroup, type GroupAccess, type GroupRole } from '../permissions';

/** Subgroups nest one level today; the cap only stops a corrupt parent cycle from looping. */
const MAX_DEPTH = 8;

type ChainLink = Pick<GroupAccess, 'visibility' | 'joinPolicy' | 'postingPolicy'> & { id: number; parentId: number | null };

/**
 * For each group, which of the members asked about may read it, each decided by canReadGroup
 * with their own standing in the group and its parents. A few queries however many groups and
 * people are asked about: the fan-out checks thousands of watchers of a batch's groups at once.
 */
export async function readersByGroup(db: Db, wanted: Map<number, number[]>): Promise<Map<number, Set<number>>> {
  const readers = new Map<number, Set<number>>();
  const ids = [...new Set([...wanted.values()].flat())];
  if (ids.length === 0) {
    for (const groupId of wanted.keys()) readers.set(groupId, new Set());
    return readers;
  }
  const links = await groupsWithParents(db, [...wanted.keys()]);
  const linkIds = [...links.keys()];
  const roles = await db
    .select({ groupId: groupMembers.groupId, memberId: groupMembers.memberId, role: groupMembers.role })
    .from(groupMembers)
    .where(sql`${groupMembers.groupId} = any(${intArray(linkIds)}) and ${groupMembers.memberId} = any(${intArray(ids)})`);
  const bans = await db
    .select({ groupId: groupBans.groupId, memberId: groupBans.memberId })
    .from(groupBans)
    .where(sql`${groupBans.groupId} = any(${intArray(linkIds)}) and ${groupBans.memberId} = any(${intArray(ids)})`);
  const admins = await db.select({ id: members.id }).from(members).where(sql`${members.id} = any(${intArray(ids)}) and ${eq(members.isAdmin, true)}`);
  const roleOf = new Map(roles.map((r) => [`${r.groupId}:${r.memberId}`, r.role as GroupRole]));
  const banned = new Set(bans.map((b) => `${b.groupId}:${b.memberId}`));
  const adminIds = new Set(admins.map((a) => a.id));

  const accessFor = (memberId: number, groupId: number | null, depth = 0): GroupAccess | null => {
    const group = groupId === null || depth >= MAX_DEPTH ? undefined : links.get(groupId);
    if (!group) return null;
    const key = `${group.id}:${memberId}`;
    return { ...group, role: roleOf.get(key) ?? null, banned: banned.has(key), pending: false, parent: accessFor(memberId, group.parentId, depth + 1) };
  };
  for (const [groupId, asked] of wanted) {
    const reads = (id: number) => {
      const access = accessFor(id, groupId);
      return access !== null && canReadGroup({ id, name: '', isAdmin: adminIds.has(id) }, access);
    };
    readers.set(groupId, new Set(asked.filter(reads)));
  }
  return readers;
}

/** The groups, their parents, their parents' parents…, by id. */
async function groupsWithParents(db: Db, groupIds: number[]): Promise<Map<number, ChainLink>> {
  const links = new Map<number, ChainLink>();
  let next = groupIds;
  for (let depth = 0; next.length > 0 && depth < MAX_DEPTH; depth++) {
    const rows = await db
      .select({ id: groups.id, visibility: groups.visibility, joinPolicy: groups.joinPolicy, postingPolicy: groups.postingPolicy, parentId: groups.parentId })
      .from(groups)
      .where(sql`${groups.id} = any(${intArray(next)})`);
    for (const row of rows) links.set(row.id, row);
    next = [...new Set(rows.flatMap((row) => (row.parentId !== null && !links.has(row.parentId) ? [row.parentId] : [])))];
  }
  return links;
}
