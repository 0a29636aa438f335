import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { intArray, textArray } from '@/db/sql-arrays';
import type { EngineHit, EngineQuery, EngineResult } from '../engine';
import { MARK_END, MARK_START } from '../engine';
import { markdownToText } from '../plain-text';
import type { BuiltQuery } from './build-tsquery';
import { RECENT_WINDOW } from './index-posts';

/**
 * How many of the newest matching posts are ranked. A word found in a third of a million
 * posts is ranked within its most recent matches (fast and usually what people want); a
 * rarer word has fewer matches than this, so its best old match is always ranked.
 */
export const CANDIDATE_CAP = 500;
/** From this share of posts up, a query's matches are gathered by walking the newest posts: they come thick and fast. */
const WALK_SHARE = 0.1;
/**
 * A walk stops after this many times the posts it expects to need, in case the words are rarer
 * than their counts suggest; one that stops short goes once more, WIDER_WALK times as far (the
 * newest posts may be a burst that never uses the word).
 */
const WALK_MARGIN = 4;
const WIDER_WALK = 16;
/**
 * Up to this many posts holding its rarest word, a query reads the whole word index: the
 * lists are short, and a rare word's oldest match is found. Past it, the recent posts' index
 * answers first (RECENT_WINDOW, lib/search/postgres/index-posts.ts).
 */
const WHOLE_INDEX_POSTS = 20_000;

const STATUS_CONDITION: Record<NonNullable<EngineQuery['status']>, SQL> = {
  open: sql`not t.closed and not t.archived`,
  closed: sql`t.closed`,
  pinned: sql`t.pinned`,
  archived: sql`t.archived`,
};

/** Dates decide "newest" and "oldest": an imported post can be older than its id says. */
const ORDER: Record<EngineQuery['order'], SQL> = {
  relevance: sql`score desc, post_id desc`,
  newest: sql`posted_at desc, post_id desc`,
  oldest: sql`posted_at asc, post_id asc`,
  replies: sql`reply_count desc, post_id desc`,
};

/**
 * Past the `reach` newest indexed posts, counted through the index: ids leave gaps where posts
 * were deleted (a spam purge), so "the newest id minus reach" could hold no post at all.
 */
const newestPosts = (reach: number) => sql`coalesce((select n.post_id from search_posts n order by n.post_id desc offset ${reach} limit 1), 0)`;

function candidateFilters(query: EngineQuery, tsquery: string | null, reach: number | null): SQL {
  // One group (a group: filter) as an equality, so its (group_id, post_id) index can be walked.
  const conditions = [query.groupIds.length === 1 ? sql`s.group_id = ${query.groupIds[0]}` : sql`s.group_id = any(${intArray(query.groupIds)})`];
  if (tsquery) conditions.push(sql`s.document @@ ${tsquery}::tsquery`);
  if (reach !== null) conditions.push(sql`s.post_id > ${newestPosts(reach)}`);
  if (query.authorIds) conditions.push(sql`s.author_id = any(${intArray(query.authorIds)})`);
  if (query.after) conditions.push(sql`s.posted_at >= ${query.after}::date`);
  if (query.before) conditions.push(sql`s.posted_at < ${query.before}::date`);
  if (query.inTitle) conditions.push(sql`s.is_opening`);
  if (query.status) conditions.push(sql`exists (select 1 from threads t where t.id = s.thread_id and ${STATUS_CONDITION[query.status]})`);
  return sql.join(conditions, sql` and `);
}

type Ranked = { post_id: number; config: string; body: string; title: string; total: number; candidates: number };

/**
 * How to gather candidates: walk the newest posts (down to a bound), read the recent posts'
 * word index, or read the whole word index.
 */
type Plan = { kind: 'walk'; reach: number | null; margin: number } | { kind: 'recent' } | { kind: 'index' };

/**
 * Matching posts (only among the `reach` newest, when set), the best one per thread, ranked by
 * relevance (title over body, recent over old) or the order asked for. Posts and threads are
 * re-checked against their current rows, so a post deleted or moved a moment ago never shows.
 */
function rankedPosts(db: Db, query: EngineQuery, tsquery: string | null, plan: Plan | null): Promise<Ranked[]> {
  return db.transaction(async (tx) => {
    // Parallel workers cost more to start than these queries take. And the planner guesses how
    // often words occur from sampled statistics; the stems' counts (search_lexemes) know
    // better, so the choice between walking and intersecting is made here.
    const settings = [sql`set_config('max_parallel_workers_per_gather', '0', true)`];
    if (plan) settings.push(sql`set_config(${plan.kind === 'walk' ? 'enable_bitmapscan' : 'enable_indexscan'}, 'off', true)`);
    await tx.execute(sql`select ${sql.join(settings, sql`, `)}`);
    const table = sql.raw(plan?.kind === 'recent' ? 'search_recent_posts' : 'search_posts');
    return rankedPostsQuery(tx, query, tsquery, table, plan?.kind === 'walk' ? plan.reach : null);
  });
}

function rankedPostsQuery(db: Db, query: EngineQuery, tsquery: string | null, table: SQL, reach: number | null) {
  const score = tsquery ? sql`ts_rank_cd(c.document, ${tsquery}::tsquery, 1) / (1 + extract(epoch from now() - c.posted_at) / 31557600)` : sql`0`;
  return db.execute<Ranked>(sql`
    with candidates as (
      select s.post_id, s.thread_id, s.config, s.document, s.posted_at from ${table} s
      where ${candidateFilters(query, tsquery, reach)}
      order by s.post_id ${query.order === 'oldest' ? sql`asc` : sql`desc`}
      limit ${CANDIDATE_CAP}
    ), best as (
      select distinct on (c.thread_id) c.post_id, c.thread_id, c.config, c.posted_at, t.reply_count, ${score} as score
      from candidates c
      -- "offset 0" keeps this a lookup per candidate: joined, the planner would hash the whole threads table.
      cross join lateral (
        select t.reply_count from threads t
        where t.id = c.thread_id and t.deleted_at is null and t.group_id = any(${intArray(query.groupIds)}) offset 0
      ) t
      where not exists (select 1 from posts p where p.id = c.post_id and p.deleted_at is not null)
      order by c.thread_id, score desc, c.post_id desc
    ), page as (
      select b.*, row_number() over (order by ${ORDER[query.order]}) as place, count(*) over ()::int as total,
             (select count(*) from candidates)::int as candidates
      from best b order by place limit ${query.limit} offset ${query.offset}
    )
    select page.post_id, page.config, page.total, page.candidates, p.body, t.title
    from page join posts p on p.id = page.post_id join threads t on t.id = page.thread_id
    order by page.place`);
}

/** The share of indexed posts the query is expected to match. */
const matchShare = (built: BuiltQuery) => built.estimatedMatches / Math.max(1, built.indexedPosts);

/**
 * A query expected to match many posts (from its stems' post counts) walks the newest posts
 * until it has CANDIDATE_CAP matches, which takes few steps when matches are dense. A sparser
 * one reads the word index: the whole of it when its rarest word is rare enough, so a rare
 * word's oldest match is found; otherwise the recent posts' index, whose lists are short.
 * With an author filter, or oldest first, the planner's own choice stands.
 */
function planFor(query: EngineQuery, built: BuiltQuery): Plan | null {
  if (!built.tsquery || query.order === 'oldest' || query.authorIds) return null;
  if (matchShare(built) < WALK_SHARE) return built.rarestWordPosts <= WHOLE_INDEX_POSTS ? { kind: 'index' } : { kind: 'recent' };
  // One group's posts are walked through its own index, to its first post if need be.
  if (query.groupIds.length === 1) return { kind: 'walk', reach: null, margin: Infinity };
  return walk(built, WALK_MARGIN);
}

function walk(built: BuiltQuery, margin: number): Plan {
  const reach = Math.ceil((margin * CANDIDATE_CAP) / matchShare(built));
  return { kind: 'walk', reach: reach >= built.indexedPosts ? null : reach, margin };
}

/** Where to look next when a bounded plan found too few matches: a walk goes further once, then the whole word index. */
function widerPlan(plan: Plan, built: BuiltQuery): Plan {
  if (plan.kind !== 'walk' || plan.margin > WALK_MARGIN) return { kind: 'index' };
  const further = walk(built, WALK_MARGIN * WIDER_WALK);
  return further.kind === 'walk' && further.reach !== null ? further : { kind: 'index' };
}

function isBounded(plan: Plan | null, built: BuiltQuery): plan is Plan {
  return (plan?.kind === 'walk' && plan.reach !== null) || (plan?.kind === 'recent' && built.indexedPosts > RECENT_WINDOW);
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Snippets around the matched words, and the titles with them marked, in each post's own language. */
async function highlight(db: Db, rows: Ranked[], tsquery: string | null): Promise<{ snippet: string; title: string }[]> {
  const texts = rows.map((row) => markdownToText(row.body));
  if (!tsquery || rows.length === 0) return rows.map((row, i) => ({ snippet: texts[i]!.slice(0, 240), title: row.title }));
  return db.execute<{ snippet: string; title: string }>(sql`
    select ts_headline(x.config::regconfig, x.body, q, ${HEADLINE}) as snippet,
           ts_headline(x.config::regconfig, x.title, q, 'HighlightAll=true, ' || ${`StartSel=${MARK_START}, StopSel=${MARK_END}`}) as title
    from unnest(${textArray(rows.map((r) => r.config))}, ${textArray(texts)}, ${textArray(rows.map((r) => r.title))}) with ordinality as x(config, body, title, n),
         cast(${tsquery} as tsquery) as q
    order by x.n`);
}

/**
 * One page of results. A walk or a recent-window search that found neither CANDIDATE_CAP
 * matches nor a page's worth is done again further back (widerPlan).
 */
export async function searchPosts(db: Db, query: EngineQuery, built: BuiltQuery): Promise<EngineResult> {
  if (query.groupIds.length === 0) return { hits: [], total: 0, capped: false };
  let plan = planFor(query, built);
  let rows = await rankedPosts(db, query, built.tsquery, plan);
  while (isBounded(plan, built) && rows.length < query.limit && (rows[0]?.candidates ?? 0) < CANDIDATE_CAP) {
    plan = widerPlan(plan, built);
    rows = await rankedPosts(db, query, built.tsquery, plan);
  }
  const marked = await highlight(db, rows, built.tsquery);
  const hits: EngineHit[] = rows.map((row, i) => ({ postId: row.post_id, snippet: marked[i]!.snippet, title: marked[i]!.title }));
  // Counted before the page was cut, so every row carries them; a page past the end has none.
  const [first] = rows;
  // Ranked among the recent posts only, there may be more matches than were counted.
  const capped = (first?.candidates ?? 0) >= CANDIDATE_CAP || (plan?.kind === 'recent' && built.indexedPosts > RECENT_WINDOW);
  return { hits, total: first?.total ?? 0, capped };
}
