import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { groupMembers, groups, members, posts, threads } from '@/db/schema';
import { isUniqueViolation } from '../db-errors';
import { InvalidInputError } from '../errors';
import { professionSeat } from '../groups/add-member';
import { detectLanguage } from '../posts/detect-language';
import { renderMarkdown } from '../posts/render-markdown';
import { enqueueSearchUpdateForThreads } from '../search/search-outbox';
import type { Archive } from './archive-format';

export type ImportSummary = { members: number; groups: number; threads: number; posts: number };

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Members are identified by email: one already here is left exactly as it is. */
async function importMembers(tx: Tx, list: Archive['members']) {
  let created = 0;
  for (const part of chunks(list)) {
    const rows = await tx
      .insert(members)
      .values(part.map(({ key, ...m }) => ({ ...m, importKey: key })))
      .onConflictDoNothing()
      .returning({ id: members.id });
    created += rows.length;
  }
  const ids = new Map<string, number>();
  for (const part of chunks(list)) {
    const found = await tx.select({ id: members.id, email: members.email }).from(members).where(inArray(members.email, part.map((m) => m.email)));
    const byEmail = new Map(found.map((f) => [f.email, f.id]));
    for (const m of part) {
      const id = byEmail.get(m.email);
      if (id === undefined) throw new InvalidInputError(`Member key "${m.key}" is already used by another member in this forum.`);
      ids.set(m.key, id);
    }
  }
  return { ids, created };
}

/** Groups are identified by slug: an existing group, and its membership, are left as they are. */
async function importGroups(tx: Tx, list: Archive['groups'], memberIds: Map<string, number>, professions: Map<string, string | undefined>) {
  const ids = new Map<string, number>();
  const fresh: Archive['groups'] = [];
  for (const g of list) {
    const [row] = await tx
      .insert(groups)
      .values({
        slug: g.slug, name: g.name, description: g.description, city: g.city, region: g.region, visibility: g.visibility, joinPolicy: g.joinPolicy,
        postingPolicy: g.postingPolicy, onePerProfession: g.onePerProfession, importKey: g.key,
      })
      .onConflictDoNothing()
      .returning({ id: groups.id });
    const id = row?.id ?? (await tx.select({ id: groups.id }).from(groups).where(eq(groups.slug, g.slug)))[0]?.id;
    if (id === undefined) throw new InvalidInputError(`Group key "${g.key}" is already used by another group in this forum.`);
    ids.set(g.key, id);
    if (row) fresh.push(g);
  }
  for (const g of fresh) {
    if (g.parent) await tx.update(groups).set({ parentId: ids.get(g.parent)! }).where(eq(groups.id, ids.get(g.key)!));
    const roles = g.members.map((m) => ({
      groupId: ids.get(g.key)!,
      memberId: memberIds.get(m.member)!,
      role: m.role,
      professionSeat: g.onePerProfession ? professionSeat(professions.get(m.member) ?? null) : null,
    }));
    try {
      if (roles.length > 0) await tx.insert(groupMembers).values(roles).onConflictDoNothing({ target: [groupMembers.groupId, groupMembers.memberId] });
    } catch (error) {
      if (isUniqueViolation(error, 'group_members_profession_seat_key')) {
        throw new InvalidInputError(`Group "${g.key}" seats one member per profession, but two of its members share a profession.`);
      }
      throw error;
    }
  }
  return { ids, created: fresh.length };
}

type PostInsert = typeof posts.$inferInsert;

/** Threads are identified by key; posts too, so posts added to an archived thread are appended once. */
async function importThreads(tx: Tx, list: Archive['threads'], groupIds: Map<string, number>, memberIds: Map<string, number>) {
  let createdThreads = 0;
  const rows: PostInsert[] = [];
  const touched = new Set<number>();
  for (const t of list) {
    const [existing] = await tx.select({ id: threads.id, last: threads.lastPostNumber }).from(threads).where(eq(threads.importKey, t.key));
    let threadId = existing?.id;
    let number = existing?.last ?? 0;
    const known = new Set<string>();
    if (threadId === undefined) {
      const [created] = await tx
        .insert(threads)
        .values({
          groupId: groupIds.get(t.group)!, authorId: memberIds.get(t.author)!, title: t.title, pinned: t.pinned, closed: t.closed,
          createdAt: new Date(t.createdAt), importKey: t.key,
        })
        .returning({ id: threads.id });
      threadId = created!.id;
      createdThreads++;
    } else {
      const keys = await tx.select({ key: posts.importKey }).from(posts).where(eq(posts.threadId, threadId));
      keys.forEach((k) => k.key && known.add(k.key));
    }
    for (const p of t.posts.filter((post) => !known.has(post.key))) {
      rows.push({
        threadId, number: ++number, authorId: memberIds.get(p.author)!, body: p.body, bodyHtml: renderMarkdown(p.body), language: detectLanguage(p.body),
        createdAt: new Date(p.createdAt), editedAt: p.editedAt ? new Date(p.editedAt) : null,
        deletedAt: p.deletedAt ? new Date(p.deletedAt) : null, deletedById: p.deletedAt ? memberIds.get(p.author)! : null, importKey: p.key,
      });
      touched.add(threadId);
    }
  }
  await assertPostKeysFree(tx, rows);
  for (const part of chunks(rows)) await tx.insert(posts).values(part);
  return { created: createdThreads, posts: rows.length, touched: [...touched] };
}

async function assertPostKeysFree(tx: Tx, rows: PostInsert[]) {
  for (const part of chunks(rows)) {
    const [taken] = await tx.select({ key: posts.importKey }).from(posts).where(inArray(posts.importKey, part.map((r) => r.importKey!))).limit(1);
    if (taken) throw new InvalidInputError(`Post key "${taken.key}" already belongs to a post in another thread of this forum.`);
  }
}

/** Recomputes the maintained counters of the threads and groups an import touched. */
async function refreshCounters(tx: Tx, threadIds: number[]) {
  if (threadIds.length === 0) return;
  const ids = sql`array[${sql.join(threadIds.map((id) => sql`${id}`), sql`, `)}]::int[]`;
  await tx.execute(sql`
    update threads t set last_post_number = s.last_number, reply_count = s.replies, last_posted_at = s.last_at, last_poster_id = s.last_poster
    from (select thread_id, max(number) as last_number, count(*) filter (where number > 1 and deleted_at is null) as replies,
                 max(created_at) as last_at, (array_agg(author_id order by number desc))[1] as last_poster
          from posts where thread_id = any(${ids}) group by thread_id) s
    where t.id = s.thread_id`);
  await tx.execute(sql`
    update groups g set
      thread_count = (select count(*) from threads t where t.group_id = g.id and t.deleted_at is null),
      post_count = (select count(*) from posts p join threads t on t.id = p.thread_id where t.group_id = g.id and t.deleted_at is null and p.deleted_at is null),
      last_posted_at = (select max(t.last_posted_at) from threads t where t.group_id = g.id and t.deleted_at is null)
    where g.id in (select group_id from threads where id = any(${ids}))`);
}

/**
 * Loads an archive in one transaction: all of it or, on any problem, nothing. Records
 * already present (same member email, group slug, thread or post key) are left untouched,
 * so importing the same file twice changes nothing the second time.
 */
export async function importArchive(db: Database, archive: Archive): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    // Two imports at once would race on the same keys; one waits for the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cercle-import'))`);
    const m = await importMembers(tx, archive.members);
    const g = await importGroups(tx, archive.groups, m.ids, new Map(archive.members.map((x) => [x.key, x.profession])));
    const t = await importThreads(tx, archive.threads, g.ids, m.ids);
    await refreshCounters(tx, t.touched);
    await enqueueSearchUpdateForThreads(tx, t.touched);
    return { members: m.created, groups: g.created, threads: t.created, posts: t.posts };
  });
}

