import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql-arrays';
import { POST_LANGUAGES } from '@/lib/posts/detect-language';
import { planForum, seededRandom, type ScalePlan } from './scale-plan';
import { CITIES, COMMON_WORD, FIRST_NAMES, LAST_NAMES, PROFESSIONS, RARE_WORD, VOCABULARY } from './vocabulary';

export const SCALE_EMAIL_DOMAIN = 'scale.example.test';
/** The member the benchmarks sign in as: in a few groups, private ones included. */
export const SCALE_BENCH_EMAIL = `bench@${SCALE_EMAIL_DOMAIN}`;
export const SCALE_PASSWORD = 'cercle-scale-2026';

export type Progress = (stage: string, done: number, total: number) => void;

/*
 * In the lateral subqueries below, "g * 0" ties each random word to its row of
 * generate_series: an aggregate over outer columns alone would belong to the outer query.
 */

/** Generated members, ids from `base`: the author of post n of thread t, spread evenly and reproducibly. */
function authorOf(base: number, members: number, thread: ReturnType<typeof sql.raw>, number: ReturnType<typeof sql.raw>) {
  return sql`(${base} + ((${thread}::bigint * 7919 + ${number}::bigint * 104729) % ${members}))::int`;
}

async function insertMembers(db: Database, plan: ScalePlan, passwordHash: string): Promise<number> {
  await db.execute(sql`
    insert into members (email, name, password_hash, profession, city, languages, created_at)
    select case when n = 0 then ${SCALE_BENCH_EMAIL} else 'member' || n || '@' || ${SCALE_EMAIL_DOMAIN} end,
           case when n = 0 then 'Bench Member' else f.names[1 + n % cardinality(f.names)] || ' ' || l.names[1 + (n / cardinality(f.names)) % cardinality(l.names)] end,
           ${passwordHash}, p.names[1 + n % cardinality(p.names)], c.names[1 + (n * 7) % cardinality(c.names)],
           array[(${textArray([...POST_LANGUAGES])})[1 + n % 5]], now() - make_interval(days => 1 + n % 1800)
    from generate_series(0, ${plan.members - 1}) n,
         (select ${textArray(FIRST_NAMES)} as names) f, (select ${textArray(LAST_NAMES)} as names) l,
         (select ${textArray(PROFESSIONS)} as names) p, (select ${textArray(CITIES)} as names) c`);
  const [row] = await db.execute<{ base: number }>(sql`select id as base from members where email = ${SCALE_BENCH_EMAIL}`);
  return row!.base;
}

/** 200 groups: every fourth private, every tenth a circle inside the group before it. */
async function insertGroups(db: Database, plan: ScalePlan): Promise<number> {
  await db.execute(sql`
    insert into groups (slug, name, description, city, visibility, join_policy, created_at)
    select 'scale-' || g, c.names[1 + g % cardinality(c.names)] || ' business network ' || g, 'A generated group for scale tests.',
           c.names[1 + g % cardinality(c.names)],
           (case when g % 4 = 3 then 'private' else 'public' end)::group_visibility,
           (case when g % 4 = 3 then 'invite' else 'open' end)::join_policy, now() - interval '6 years'
    from generate_series(0, ${plan.groups - 1}) g, (select ${textArray(CITIES)} as names) c`);
  const [row] = await db.execute<{ base: number }>(sql`select id as base from groups where slug = 'scale-0'`);
  const base = row!.base;
  await db.execute(sql`
    update groups child set parent_id = parent.id,
      visibility = case when parent.visibility = 'private' then 'private'::group_visibility else child.visibility end
    from groups parent
    where child.slug like 'scale-%' and (child.id - ${base}) % 10 = 9 and parent.id = child.id - 1`);
  return base;
}

/** Each member in three groups; the first members own them; the bench member also joins every private group. */
async function insertMemberships(db: Database, plan: ScalePlan, memberBase: number, groupBase: number) {
  await db.execute(sql`
    insert into group_members (group_id, member_id, role)
    select ${groupBase} + g, ${memberBase} + m, case when m = g then 'owner'::group_role else 'member'::group_role end
    from generate_series(0, ${plan.members - 1}) m
    cross join lateral (values (m % ${plan.groups}), ((m * 7 + 3) % ${plan.groups}), ((m * 13 + 5) % ${plan.groups})) as picks(g)
    on conflict do nothing`);
  await db.execute(sql`
    insert into group_members (group_id, member_id, role)
    select id, ${memberBase}, 'member' from groups where slug like 'scale-%' and visibility = 'private' on conflict do nothing`);
}

async function loadPlan(db: Database, plan: ScalePlan, groupBase: number): Promise<number> {
  const random = seededRandom(plan.threads.length);
  const [row] = await db.execute<{ base: number }>(sql`select coalesce(max(id), 0) + 1 as base from threads`);
  const base = row!.base;
  // Most threads are in their group's language; one in ten is written in another.
  const languages = plan.threads.map((t) => POST_LANGUAGES[random() < 0.9 ? t.group % 5 : Math.floor(random() * 5)]!);
  await db.execute(sql`create unlogged table scale_plan (thread_id int primary key, size int, start_s bigint, gap_s int, group_id int, language text)`);
  await db.execute(sql`create unlogged table scale_vocabulary (language text primary key, words text[])`);
  await db.execute(sql`
    insert into scale_plan
    select ${base} + i::int - 1, size, start_s, gap_s, ${groupBase} + grp, language
    from unnest(${intArray(plan.threads.map((t) => t.size))}, ${intArray(plan.threads.map((t) => Math.round(t.start)))},
                ${intArray(plan.threads.map((t) => Math.max(1, Math.round(t.gap))))}, ${intArray(plan.threads.map((t) => t.group))},
                ${textArray(languages)}) with ordinality as p(size, start_s, gap_s, grp, language, i)`);
  for (const language of POST_LANGUAGES) {
    await db.execute(sql`insert into scale_vocabulary values (${language}, ${textArray(VOCABULARY[language])})`);
  }
  return base;
}

async function insertThreads(db: Database, plan: ScalePlan, memberBase: number) {
  const author = (n: string) => authorOf(memberBase, plan.members, sql.raw('p.thread_id'), sql.raw(n));
  await db.execute(sql`
    insert into threads (id, group_id, author_id, title, last_post_number, reply_count, last_posted_at, last_poster_id, created_at)
    select p.thread_id, p.group_id, ${author('1')}, upper(left(t.words, 1)) || substr(t.words, 2), p.size, p.size - 1,
           to_timestamp(p.start_s + (p.size - 1)::bigint * p.gap_s), ${author('p.size')}, to_timestamp(p.start_s)
    from scale_plan p join scale_vocabulary v using (language)
    cross join lateral (
      select string_agg(v.words[10 + g * 0 + floor(power(random(), 1.5) * (cardinality(v.words) - 10))::int], ' ') as words
      from generate_series(1, 3 + (p.thread_id % 6)) g) t`);
  await db.execute(sql`select setval(pg_get_serial_sequence('threads', 'id'), (select max(id) from threads))`);
}

/**
 * One post in how many has the rare word: one in 50,000, but at least about 20 posts in all, so
 * that a rare-word search shows a page of results at every size (a small forum would have none,
 * and its search page would be cheaper than the same search at a million posts).
 */
function rareWordEvery(plan: ScalePlan): number {
  const posts = plan.threads.reduce((sum, t) => sum + t.size, 0);
  return Math.max(8, Math.min(50_000, Math.floor(posts / 20)));
}

/**
 * The posts of every thread falling in [from, to), written in time order so that post ids
 * grow with time as in a real forum. Bodies are drawn from the language's words (skewed to
 * the common ones), some long, some with Markdown; the common word in a third of them.
 */
function insertPostsBetween(db: Database, plan: ScalePlan, memberBase: number, from: number, to: number) {
  const author = authorOf(memberBase, plan.members, sql.raw('p.thread_id'), sql.raw('n'));
  const rareEvery = rareWordEvery(plan);
  return db.execute(sql`
    insert into posts (thread_id, number, author_id, body, body_html, language, created_at)
    select p.thread_id, n, ${author}, b.body, b.html, p.language, to_timestamp(p.start_s + (n - 1)::bigint * p.gap_s) as at
    from scale_plan p join scale_vocabulary v using (language)
    cross join lateral generate_series(
      greatest(1, ceil((${from} - p.start_s)::numeric / p.gap_s)::int + 1),
      least(p.size::numeric, ceil((${to} - p.start_s)::numeric / p.gap_s))::int) n
    cross join lateral (select random() + 0 * n as shape, random() + 0 * n as length, random() + 0 * n as common) r
    cross join lateral (
      select string_agg(v.words[1 + g * 0 + floor(power(random(), 2.2) * cardinality(v.words))::int], ' ') as words
      from generate_series(1, case when r.shape < 0.05 then 150 + (r.length * 150)::int else 8 + (r.length * 50)::int end) g) w
    cross join lateral (
      select upper(left(w.words, 1)) || substr(w.words, 2)
        || case when r.common < 0.333 then ' ${sql.raw(COMMON_WORD)}' else '' end
        || case when (p.thread_id * 31 + n) % ${rareEvery} = 7 then ' ${sql.raw(RARE_WORD)}' else '' end || '.' as text,
        v.words[10 + floor(r.length * (cardinality(v.words) - 10))::int] as stress) t
    cross join lateral (
      select case when r.shape > 0.85 then t.text || E'\n\n**' || t.stress || '** ' || t.stress
                  when r.shape between 0.05 and 0.1 then t.text || E'\n\n[' || t.stress || '](https://example.com/' || n || ')'
                  else t.text end as body,
             '<p>' || t.text || '</p>' ||
             case when r.shape > 0.85 then '<p><strong>' || t.stress || '</strong> ' || t.stress || '</p>'
                  when r.shape between 0.05 and 0.1 then '<p><a href="https://example.com/' || n || '" rel="nofollow ugc noopener">' || t.stress || '</a></p>'
                  else '' end as html) b
    where p.start_s < ${to} and p.start_s + (p.size - 1)::bigint * p.gap_s >= ${from}
    order by at`);
}

async function updateGroupCounters(db: Database) {
  await db.execute(sql`
    update groups g set thread_count = s.threads, post_count = s.posts, last_posted_at = s.last
    from (select group_id, count(*) as threads, sum(size) as posts, max(to_timestamp(start_s + (size - 1)::bigint * gap_s)) as last
          from scale_plan group by group_id) s
    where g.id = s.group_id`);
}

/**
 * Fills the database with a large generated forum in bulk (INSERT … SELECT on the server):
 * members, groups with circles, memberships, long-tailed threads and their posts. The search
 * index is left to the caller (the outbox is bypassed: a rebuild is far faster in bulk).
 */
export function generateScaleForum(db: Database, posts: number, passwordHash: string, progress: Progress): Promise<ScalePlan> {
  // One transaction: a run that fails half-way leaves nothing behind to trip the next one.
  return db.transaction((tx) => generateIn(tx as unknown as Database, planForum(posts), passwordHash, progress));
}

async function generateIn(db: Database, plan: ScalePlan, passwordHash: string, progress: Progress): Promise<ScalePlan> {
  const posts = plan.threads.reduce((sum, t) => sum + t.size, 0);
  progress('members and groups', 0, 1);
  const memberBase = await insertMembers(db, plan, passwordHash);
  const groupBase = await insertGroups(db, plan);
  await insertMemberships(db, plan, memberBase, groupBase);
  await loadPlan(db, plan, groupBase);
  await insertThreads(db, plan, memberBase);
  progress('members and groups', 1, 1);
  const windows = 50;
  const step = (plan.to - plan.from) / windows;
  for (let w = 0; w < windows; w++) {
    // The last window is open-ended: gaps are whole seconds, so a last post may land just after `to`.
    const to = w === windows - 1 ? Number.MAX_SAFE_INTEGER : Math.floor(plan.from + (w + 1) * step);
    await insertPostsBetween(db, plan, memberBase, Math.floor(plan.from + w * step), to);
    progress('posts', Math.round(((w + 1) / windows) * posts), posts);
  }
  await updateGroupCounters(db);
  await db.execute(sql`drop table scale_plan`);
  await db.execute(sql`drop table scale_vocabulary`);
  return plan;
}
