import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groups, threads } from '@/db/schema';

/** Sitemaps hold at most 50,000 addresses; the newest activity goes first. */
const SITEMAP_LIMIT = 45_000;

/** Groups anyone may read: public, and inside a public parent when they are circles. */
const publicGroup = and(
  eq(groups.visibility, 'public'),
  or(isNull(groups.parentId), sql`(select p.visibility from ${groups} p where p.id = ${groups.parentId}) = 'public'`),
);

/** Every group and thread a signed-out visitor may read, for the sitemap; nothing private. */
export async function listPublicUrls(db: Db) {
  const groupRows = await db.select({ slug: groups.slug, lastPostedAt: groups.lastPostedAt }).from(groups).where(publicGroup);
  const threadRows = await db
    .select({ id: threads.id, lastPostedAt: threads.lastPostedAt })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(publicGroup, isNull(threads.deletedAt), eq(threads.unlisted, false)))
    .orderBy(desc(threads.lastPostedAt))
    .limit(SITEMAP_LIMIT);
  return { groups: groupRows, threads: threadRows };
}
