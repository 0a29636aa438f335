import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { groups, threads } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';

const ANNOUNCEMENTS_SHOWN = 5;

/** Threads a site admin pinned for everyone, that this viewer may read, newest activity first. */
export async function listAnnouncements(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: threads.id, title: threads.title, groupId: threads.groupId, groupName: groups.name, lastPostedAt: threads.lastPostedAt })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(sql`${threads.pinnedGlobally} and ${threads.deletedAt} is null`, or(isNull(threads.pinnedUntil), gt(threads.pinnedUntil, sql`now()`))))
    .orderBy(desc(threads.lastPostedAt))
    .limit(50);
  const readable = new Map<number, boolean>();
  for (const groupId of new Set(rows.map((r) => r.groupId))) {
    // An announcement in a private group is for that group's readers only.
    readable.set(groupId, await getReadableGroup(ctx, { id: groupId }).then(() => true, (e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e))));
  }
  return rows.filter((r) => readable.get(r.groupId)).slice(0, ANNOUNCEMENTS_SHOWN);
}
