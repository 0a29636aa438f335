import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupBans, groupMembers } from '@/db/schema';
import type { GroupRole } from '../permissions';

/** Someone's place in a group (not the viewer's): their role, and whether they are banned. */
export async function memberStanding(db: Db, groupId: number, memberId: number, opts = { lock: false }) {
  const query = db
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.memberId, memberId)));
  const [membership] = await (opts.lock ? query.for('update') : query);
  const [ban] = await db
    .select({ one: sql`1` })
    .from(groupBans)
    .where(and(eq(groupBans.groupId, groupId), eq(groupBans.memberId, memberId)));
  return { memberId, role: (membership?.role ?? null) as GroupRole | null, banned: ban !== undefined };
}
