import { sql, type SQL } from 'drizzle-orm';
import { intArray, textArray } from '@/db/sql-arrays';
import type { Db } from '@/db/client';
import type { EngineHit, EngineQuery, EngineResult } from '../engine';
import { MARK_END, MARK_START } from '../engine';
import { markdownToText } from '../plain-text';

/**
 * How many of the newest matching posts are ranked. A word found in a third of a million
 * posts is ranked within its most recent matches (fast and usually what people want); a
 * rarer word has fewer matches than this, so its best old match is always ranked.
 */
export const CANDIDATE_CAP = 1000;

const STATUS_CONDITION: Record<NonNullable<EngineQuery['status']>, SQL> = {
  open: sql`not t.closed and not t.archived`,
  closed: sql`t.closed`,
  pinned: sql`t.pinned`,
  archived: sql`t.archived`,
};

const ORDER: Record<EngineQuery['order'], SQL> = {
  relevance: sql`score desc, post_id desc`,
  newest: sql`post_id desc`,
  oldest: sql`post_id asc`,
  replies: sql`reply_count desc, post_id desc`,
};

function candidateFilters(query: EngineQuery, tsquery: string | null): SQL {
  const conditions = [sql`s.group_id = any(${intArray(query.groupIds)})`];
  if (tsquery) conditions.push(sql`s.document @@ ${tsquery}::tsquery`);
  if (query.authorIds) conditions.push(sql`s.author_id = any(${intArray(query.authorIds)})`);
  if (query.after) conditions.push(sql`s.posted_at >= ${query.after}::date`);
  if (query.before) conditions.push(sql`s.posted_at < ${query.before}::date`);
  if (query.inTitle) conditions.push(sql`s.is_opening`);
  if (query.status) conditions.push(sql`exists (select 1 from threads t where t.id = s.thread_id and ${STATUS_CONDITION[query.status]})`);
  return sql.join(conditions, sql` and `);
}

/**
 * Matching posts, the best one per thread, ranked by relevance (title over body, recent
 * over old) or the order asked for. Posts and threads are re-checked against their
 * current rows, so a post deleted or moved a moment ago never shows.
 */
async function rankedPosts(db: Db, query: EngineQuery, tsquery: string | null) {
  const score = tsquery ? sql`ts_rank_cd(c.document, ${tsquery}::tsquery, 1) / (1 + extract(epoch from now() - c.posted_at) / 31557600)` : sql`0`;
  return db.execute<{ post_id: number; config: string; body: string; title: string; total: number; candidates: number }>(sql`
    with candidates as (
      select s.post_id, s.thread_id, s.config, s.document, s.posted_at from search_posts s
      where ${candidateFilters(query, tsquery)}
      order by s.post_id ${query.order === 'oldest' ? sql`asc` : sql`desc`}
      limit ${CANDIDATE_CAP}
    ), best as (
      select distinct on (c.thread_id) c.post_id, c.config, p.body, t.title, t.reply_count, ${score} as score
      from candidates c
      join posts p on p.id = c.post_id and p.deleted_at is null
      join threads t on t.id = c.thread_id and t.deleted_at is null and t.group_id = any(${intArray(query.groupIds)})
      order by c.thread_id, score desc, c.post_id desc
    )
    select post_id, config, body, title, count(*) over ()::int as total, (select count(*) from candidates)::int as candidates
    from best order by ${ORDER[query.order]}
    limit ${query.limit} offset ${query.offset}`);
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Snippets around the matched words, and the titles with them marked, in each post's own language. */
async function highlight(db: Db, rows: { config: string; body: string; title: string }[], tsquery: string | null): Promise<{ snippet: string; title: string }[]> {
  const texts = rows.map((row) => markdownToText(row.body));
  if (!tsquery) return rows.map((row, i) => ({ snippet: texts[i]!.slice(0, 240), title: row.title }));
  const marked = await db.execute<{ snippet: string; title: string }>(sql`
    select ts_headline(x.config::regconfig, x.body, q, ${HEADLINE}) as snippet,
           ts_headline(x.config::regconfig, x.title, q, 'HighlightAll=true, ' || ${`StartSel=${MARK_START}, StopSel=${MARK_END}`}) as title
    from unnest(${textArray(rows.map((r) => r.config))}, ${textArray(texts)}, ${textArray(rows.map((r) => r.title))}) with ordinality as x(config, body, title, n),
         cast(${tsquery} as tsquery) as q
    order by x.n`);
  return marked.map((row) => ({ snippet: row.snippet, title: row.title }));
}

export async function searchPosts(db: Db, query: EngineQuery, tsquery: string | null): Promise<EngineResult> {
  if (query.groupIds.length === 0) return { hits: [], total: 0, capped: false };
  const rows = await rankedPosts(db, query, tsquery);
  const marked = await highlight(db, rows, tsquery);
  const hits: EngineHit[] = rows.map((row, i) => ({ postId: row.post_id, snippet: marked[i]!.snippet, title: marked[i]!.title }));
  // Counted before the page was cut, so every row carries them; a page past the end has none.
  const [first] = rows;
  return { hits, total: first?.total ?? 0, capped: (first?.candidates ?? 0) >= CANDIDATE_CAP };
}
