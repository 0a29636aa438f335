/**
 * The page queries stay on indexes: each verb behind a page (home, a group's list and a deep
 * page of it, a thread page, a profile, the notifications list, a group's moderation log)
 * runs against a forum big enough that PostgreSQL's planner prefers an index wherever one
 * fits, every SQL statement it sends is recorded (a drizzle logger), and EXPLAIN of each, with
 * its own parameters, must not read `posts`, `threads` or `moderation_log` whole (Seq Scan),
 * nor sort more than a page of their rows (a list whose ORDER BY its index cannot give, such
 * as DESC against drizzle-kit's DESC NULLS LAST keys). A new query without an index, or a
 * change that stops one being usable, fails here long before a million-post forum slows down.
 *
 * The forum lives in a database of its own on the test server, so its statistics (ANALYZE)
 * and its rows neither disturb nor depend on the other test files.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from './client';
import { runMigrations } from './migrate';
import type { Ctx, Viewer } from '@/lib/context';
import { listGroups } from '@/lib/groups/list-groups';
import { listModerationLog } from '@/lib/moderation/list-moderation-log';
import { getGroupOverview } from '@/lib/groups/get-group-overview';
import { getProfile } from '@/lib/members/get-profile';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { getThreadPage } from '@/lib/threads/get-thread-page';
import { listAnnouncements } from '@/lib/threads/list-announcements';
import { listThreads } from '@/lib/threads/list-threads';

const GROUPS = 20;
const MEMBERS = 2_000;
const THREADS = 3_000;
const POSTS_PER_THREAD = 8;
/** Tables that grow with the archive: reading one whole is what must never happen on a page. */
const WATCHED = new Set(['posts', 'threads', 'moderation_log']);
/** Entries in each group's moderation log: more than a page of it. */
const LOG_ENTRIES = 300;

type Statement = { query: string; params: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Plan Rows': number; Plans?: PlanNode[] };
/** More rows than any page lists: sorting this many means the index did not give the order. */
const PAGE_ROWS = 100;

const recorded: Statement[] = [];
const name = `cercle_explain_${process.pid}_${Date.now()}`;
let admin: postgres.Sql;
let client: postgres.Sql;
let db: Database;
let viewer: Viewer;
let slug: string;
let threadId: number;
let authorId: number;

const tablesUnder = (node: PlanNode): string[] => [node['Relation Name'] ?? '', ...(node.Plans ?? []).flatMap(tablesUnder)];

function fullReads(node: PlanNode): string[] {
  // "Seq Scan" and "Parallel Seq Scan" alike.
  const scan = node['Node Type'].endsWith('Seq Scan') && WATCHED.has(node['Relation Name'] ?? '') ? [`Seq Scan on ${node['Relation Name']}`] : [];
  const sorted = node['Node Type'] === 'Sort' && (node.Plans?.[0]?.['Plan Rows'] ?? 0) > PAGE_ROWS ? tablesUnder(node).filter((t) => WATCHED.has(t)) : [];
  const sort = sorted.length ? [`Sort of ${node.Plans![0]!['Plan Rows']} rows of ${[...new Set(sorted)].join(', ')}`] : [];
  return [...scan, ...sort, ...(node.Plans ?? []).flatMap(fullReads)];
}

/** Runs a page's verbs with the recording client; returns the statements that read or sort a watched table whole. */
async function fullReadsOf(run: (ctx: Ctx) => Promise<unknown>, who: Viewer | null): Promise<{ scans: string[]; statements: number }> {
  recorded.length = 0;
  await run({ db, viewer: who });
  const statements = recorded.filter((s) => /^\s*(select|with|update|insert|delete)\b/i.test(s.query));
  const scans: string[] = [];
  for (const { query, params } of statements) {
    const [row] = await client.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`explain (format json) ${query}`, params as postgres.ParameterOrJSON<never>[]);
    const [{ Plan }] = row!['QUERY PLAN'];
    for (const read of fullReads(Plan)) scans.push(`${read} in: ${query} -- params ${JSON.stringify(params)}`);
  }
  return { scans, statements: statements.length };
}

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  url.pathname = `/${name}`;
  client = postgres(url.toString(), { max: 2, onnotice: () => {} });
  db = drizzle(client, { logger: { logQuery: (query, params) => void recorded.push({ query, params }) } });
  await runMigrations(db);
  await db.execute(sql`
    insert into members (email, name, created_at)
    select 'explain-' || n || '@example.test', 'Explain Member ' || n, now() - interval '1 year' from generate_series(1, ${MEMBERS}) n`);
  await db.execute(sql`
    insert into groups (slug, name) select 'explain-' || g, 'Explain group ' || g from generate_series(1, ${GROUPS}) g`);
  await db.execute(sql`
    insert into group_members (group_id, member_id)
    select g.id, m.id from members m join groups g on g.slug = 'explain-' || (1 + m.id % ${GROUPS})`);
  // Threads spread over the groups, their activity a minute apart; posts numbered 1…N by rotating authors.
  await db.execute(sql`
    insert into threads (group_id, author_id, title, last_post_number, reply_count, last_posted_at, last_poster_id, created_at)
    select g.id, m.id, 'Thread ' || t, ${POSTS_PER_THREAD}, ${POSTS_PER_THREAD - 1}, now() - make_interval(mins => t), m.id, now() - make_interval(mins => t + 60)
    from generate_series(1, ${THREADS}) t
    join groups g on g.slug = 'explain-' || (1 + t % ${GROUPS})
    join members m on m.email = 'explain-' || (1 + t % ${MEMBERS}) || '@example.test'`);
  await db.execute(sql`
    insert into posts (thread_id, number, author_id, body, body_html, created_at)
    select t.id, n, (select min(id) from members) + (t.id * 7 + n * 13) % ${MEMBERS}, 'Reply ' || n || ' with **some** text',
           '<p>Reply ' || n || ' with <strong>some</strong> text</p>', t.created_at + make_interval(mins => n)
    from threads t cross join generate_series(1, ${POSTS_PER_THREAD}) n`);
  const [member] = await db.execute<{ id: number; name: string }>(sql`select id, name from members order by id limit 1`);
  viewer = { id: member!.id, name: member!.name, isAdmin: false };
  await db.execute(sql`
    insert into notifications (member_id, kind, post_id, thread_id, group_id, actor_id)
    select ${viewer.id}, 'reply', p.id, p.thread_id, t.group_id, p.author_id
    from posts p join threads t on t.id = p.thread_id where p.number = 2 order by p.id limit 200`);
  const [busy] = await db.execute<{ slug: string; thread: number; author: number }>(sql`
    select g.slug, t.id as thread, t.author_id as author from threads t join groups g on g.id = t.group_id
    join group_members gm on gm.group_id = g.id and gm.member_id = ${viewer.id} order by t.id limit 1`);
  slug = busy!.slug;
  threadId = busy!.thread;
  authorId = busy!.author;
  await db.execute(sql`
    insert into moderation_log (group_id, actor_id, action, created_at)
    select g.id, ${viewer.id}, 'pin', now() - make_interval(mins => n)
    from groups g cross join generate_series(1, ${LOG_ENTRIES}) n`);
  await db.execute(sql`analyze`);
});

afterAll(async () => {
  await client?.end();
  await admin?.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.end();
});

const PAGES: [string, (ctx: Ctx) => Promise<unknown>][] = [
  ['home (groups and announcements)', (ctx) => Promise.all([listGroups(ctx), listAnnouncements(ctx)])],
  ['group page, first page of threads', (ctx) => Promise.all([getGroupOverview(ctx, slug), listThreads(ctx, slug)])],
  [
    'group page, a later page of threads (keyset)',
    async (ctx) => {
      let { nextCursor } = await listThreads(ctx, slug);
      for (let page = 2; page < 4 && nextCursor; page++) nextCursor = (await listThreads(ctx, slug, nextCursor)).nextCursor;
      expect(nextCursor).not.toBeNull();
      recorded.length = 0;
      await listThreads(ctx, slug, nextCursor!);
    },
  ],
  ['thread page', (ctx) => getThreadPage(ctx, threadId, 1)],
  ['profile with recent posts', (ctx) => getProfile(ctx, authorId)],
];

describe('page queries use indexes on the tables that grow', () => {
  describe.each([
    ['anonymous', false],
    ['signed in', true],
  ])('%s', (_, signedIn) => {
    it.each(PAGES)('%s', async (_, run) => {
      const { scans, statements } = await fullReadsOf(run, signedIn ? viewer : null);
      expect(statements).toBeGreaterThan(0);
      expect(scans).toEqual([]);
    });
  });

  it('moderation log of a group', async () => {
    const { scans, statements } = await fullReadsOf((ctx) => listModerationLog(ctx, { groupSlug: slug }), { ...viewer, isAdmin: true });
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  it('notifications list', async () => {
    const { scans, statements } = await fullReadsOf((ctx) => listNotifications({ db: ctx.db, viewer }, {}), viewer);
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });
});
