import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupMembers, groups, members, posts, threads } from '@/db/schema';
import type { ArchiveInput } from './archive-format';

/** ISO time without milliseconds when they are zero, as archives are usually written. */
function iso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Rows created in Cercle get a key from their id; imported rows keep the key they came with. */
const keyOf = (prefix: string, row: { id: number; importKey: string | null }) => row.importKey ?? `${prefix}-${row.id}`;

/** The whole forum in the cercle-archive format, in creation order. Deleted threads are left out. */
export async function exportArchive(db: Db): Promise<ArchiveInput> {
  const memberRows = await db.select().from(members).orderBy(asc(members.id));
  const memberKey = new Map(memberRows.map((m) => [m.id, keyOf('member', m)]));
  const groupRows = await db.select().from(groups).orderBy(asc(groups.id));
  const groupKey = new Map(groupRows.map((g) => [g.id, keyOf('group', g)]));
  const roles = await db.select().from(groupMembers).orderBy(asc(groupMembers.groupId), asc(groupMembers.memberId));
  const threadRows = await db.select().from(threads).where(isNull(threads.deletedAt)).orderBy(asc(threads.id));
  const postRows = await db
    .select({ post: posts })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(isNull(threads.deletedAt))
    .orderBy(asc(posts.threadId), asc(posts.number));
  const postsByThread = groupBy(postRows, (r) => r.post.threadId);
  const rolesByGroup = groupBy(roles, (r) => r.groupId);

  return {
    format: 'cercle-archive',
    version: 1,
    members: memberRows.map((m) => ({
      key: memberKey.get(m.id)!, email: m.email, name: m.name,
      profession: m.profession ?? undefined, company: m.company ?? undefined, city: m.city ?? undefined, country: m.country ?? undefined,
      languages: m.languages, bio: m.bio ?? undefined, website: m.website ?? undefined,
      socialLinks: m.socialLinks.length > 0 ? m.socialLinks : undefined,
    })),
    groups: groupRows.map((g) => ({
      key: groupKey.get(g.id)!, slug: g.slug, name: g.name, description: g.description,
      city: g.city ?? undefined, region: g.region ?? undefined, visibility: g.visibility,
      joinPolicy: g.joinPolicy,
      // Only written when it differs from the default, so archives from other tools round-trip unchanged.
      postingPolicy: g.postingPolicy === 'members' ? undefined : g.postingPolicy,
      onePerProfession: g.onePerProfession, parent: g.parentId ? groupKey.get(g.parentId)! : null,
      members: (rolesByGroup.get(g.id) ?? []).map((r) => ({ member: memberKey.get(r.memberId)!, role: r.role })),
    })),
    threads: threadRows.map((t) => ({
      key: keyOf('thread', t), group: groupKey.get(t.groupId)!, title: t.title, author: memberKey.get(t.authorId)!,
      createdAt: iso(t.createdAt), pinned: t.pinned, closed: t.closed,
      posts: (postsByThread.get(t.id) ?? []).map(({ post: p }) => ({
        key: keyOf('post', p), author: memberKey.get(p.authorId)!, body: p.body, createdAt: iso(p.createdAt),
        editedAt: p.editedAt ? iso(p.editedAt) : undefined, deletedAt: p.deletedAt ? iso(p.deletedAt) : undefined,
      })),
    })),
  };
}
