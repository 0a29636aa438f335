import { sql, type SQL } from 'drizzle-orm';
import { intArray } from '@/db/sql-arrays';
import type { Db } from '@/db/client';
import { CONFIG_OF_LANGUAGE, FALLBACK_CONFIG } from './text-configs';

const configOf = sql.raw(
  `case p.language ${Object.entries(CONFIG_OF_LANGUAGE)
    .map(([language, config]) => `when '${language}' then '${config}'`)
    .join(' ')} else '${FALLBACK_CONFIG}' end`,
);

/**
 * Writes the index rows of the visible posts chosen by `where` (over posts p and threads t),
 * each stemmed in its own language; the opening post also carries the thread's title.
 */
function upsertPosts(db: Db, where: SQL) {
  return db.execute(sql`
    insert into search_posts (post_id, thread_id, group_id, author_id, posted_at, is_opening, config, document)
    select p.id, p.thread_id, t.group_id, p.author_id, p.created_at, p.number = 1, c.config,
      case when p.number = 1 then setweight(to_tsvector(c.config::regconfig, cercle_search_text(t.title)), 'A') else ''::tsvector end
        || setweight(to_tsvector(c.config::regconfig, cercle_search_text(p.body)), 'D')
    from posts p
    join threads t on t.id = p.thread_id
    cross join lateral (select ${configOf} as config) c
    where p.deleted_at is null and p.hidden_at is null and t.deleted_at is null and ${where}
    on conflict (post_id) do update set
      thread_id = excluded.thread_id, group_id = excluded.group_id, author_id = excluded.author_id,
      is_opening = excluded.is_opening, config = excluded.config, document = excluded.document`);
}

/** New stems join the lexicon that typo tolerance searches, and every stem counts the posts it is in. */
function addLexemes(db: Db, where: SQL) {
  return db.execute(sql`
    insert into search_lexemes (lexeme, documents)
    select lexeme, count(*) from search_posts s, unnest(tsvector_to_array(s.document)) lexeme where ${where} group by lexeme
    on conflict (lexeme) do update set documents = search_lexemes.documents + excluded.documents`);
}

/** How many of the newest indexed posts search_recent_posts holds. */
export const RECENT_WINDOW = 100_000;

const RECENT_COLUMNS = sql.raw('post_id, thread_id, group_id, author_id, posted_at, is_opening, config, document');

/**
 * The oldest post id in the window: the RECENT_WINDOW-th newest indexed post's, counted through
 * the index. Ids leave gaps where posts were deleted (a spam purge, a benchmark's replies taken
 * back), so "the newest id minus the window" could leave the window all but empty.
 */
async function countedFloor(db: Db): Promise<number> {
  const [row] = await db.execute<{ post_id: number }>(sql`select post_id from search_posts order by post_id desc offset ${RECENT_WINDOW - 1} limit 1`);
  return row?.post_id ?? 0;
}

/**
 * Counting costs 10–30 ms at a million posts, too much for every pass of the indexer under a
 * stream of replies; a floor this old only lets the window run that many seconds of posts long.
 */
const FLOOR_REUSE_MS = 60_000;
let knownFloor: { postId: number; countedAt: number } | null = null;

/**
 * The floor posts below were last let go at. No pass takes in a post below its floor, so they
 * need letting go only when the floor is counted again. Deleting each pass, though it found
 * nothing, walked the window's dead index entries: 30 ms a pass at a million posts under replies.
 */
let trimmedBelow: number | null = null;

async function recentFloor(db: Db): Promise<number> {
  if (knownFloor === null || Date.now() - knownFloor.countedAt > FLOOR_REUSE_MS) knownFloor = { postId: await countedFloor(db), countedAt: Date.now() };
  return knownFloor.postId;
}

/**
 * Brings search_recent_posts in line with search_posts for the rows `where` picks (written
 * over a table aliased x), then lets the posts that are no longer among the newest go, and
 * takes in those that are again: when the newest posts leave, the window reaches further back,
 * and a search through it must not miss the older posts it now covers.
 */
async function mirrorRecent(db: Db, where: (x: SQL) => SQL): Promise<void> {
  const r = sql.raw('r');
  const s = sql.raw('s');
  await db.execute(sql`
    delete from search_recent_posts r where ${where(r)} and not exists (select 1 from search_posts s where s.post_id = r.post_id)`);
  const floor = await recentFloor(db);
  await db.execute(sql`
    insert into search_recent_posts (${RECENT_COLUMNS}) select ${RECENT_COLUMNS} from search_posts s
    where ${where(s)} and s.post_id >= ${floor}
    on conflict (post_id) do update set
      thread_id = excluded.thread_id, group_id = excluded.group_id, author_id = excluded.author_id,
      is_opening = excluded.is_opening, config = excluded.config, document = excluded.document`);
  if (floor !== trimmedBelow) {
    await db.execute(sql`delete from search_recent_posts where post_id < ${floor}`);
    trimmedBelow = floor;
  }
  // The window's oldest post is looked for from the floor up: below it lie the index entries of
  // the posts just let go, dead until a vacuum, which a search from the start would walk through
  // on every pass (15 ms a pass at a million posts under replies).
  await db.execute(sql`
    insert into search_recent_posts (${RECENT_COLUMNS}) select ${RECENT_COLUMNS} from search_posts s
    where s.post_id >= ${floor}
      and s.post_id < (select coalesce(min(post_id), 2147483647) from search_recent_posts where post_id >= ${floor})
    on conflict (post_id) do nothing`);
}

export async function indexPosts(db: Db, postIds: number[]): Promise<void> {
  if (postIds.length === 0) return;
  const ids = intArray(postIds);
  await db.execute(sql`
    delete from search_posts s using posts p join threads t on t.id = p.thread_id
    where s.post_id = p.id and p.id = any(${ids}) and (p.deleted_at is not null or p.hidden_at is not null or t.deleted_at is not null)`);
  await upsertPosts(db, sql`p.id = any(${ids})`);
  await addLexemes(db, sql`s.post_id = any(${ids})`);
  await mirrorRecent(db, (x) => sql`${x}.post_id = any(${ids})`);
}

/**
 * A thread's change reaches its posts: a move gives them the new group, a deleted thread
 * leaves the index, a new title is re-stemmed with the opening post.
 */
export async function indexThreads(db: Db, threadIds: number[]): Promise<void> {
  if (threadIds.length === 0) return;
  const ids = intArray(threadIds);
  for (const table of [sql.raw('search_posts'), sql.raw('search_recent_posts')]) {
    await db.execute(sql`
      delete from ${table} s using threads t where s.thread_id = t.id and t.id = any(${ids}) and t.deleted_at is not null`);
    await db.execute(sql`
      update ${table} s set group_id = t.group_id from threads t
      where s.thread_id = t.id and t.id = any(${ids}) and s.group_id <> t.group_id`);
  }
  await upsertPosts(db, sql`p.thread_id = any(${ids}) and p.number = 1`);
  await addLexemes(db, sql`s.thread_id = any(${ids}) and s.is_opening`);
  await mirrorRecent(db, (x) => sql`${x}.thread_id = any(${ids}) and ${x}.is_opening`);
}

/**
 * Rebuilds the index in slices of post ids, so progress can be shown and no transaction
 * grows huge. The old rows stay searchable until their slice is rewritten.
 */
export async function reindexAll(db: Db, progress: (done: number, total: number) => void, sliceSize = 20_000): Promise<void> {
  const [bounds] = await db.execute<{ low: number | null; high: number | null; total: number }>(
    sql`select min(id) as low, max(id) as high, count(*)::int as total from posts`,
  );
  const low = bounds?.low ?? 0;
  const high = bounds?.high ?? -1;
  let done = 0;
  progress(0, bounds?.total ?? 0);
  for (let from = low; from <= high; from += sliceSize) {
    const where = sql`p.id >= ${from} and p.id < ${from + sliceSize}`;
    await db.execute(sql`
      delete from search_posts s where s.post_id >= ${from} and s.post_id < ${from + sliceSize}
        and not exists (select 1 from posts p join threads t on t.id = p.thread_id
                        where p.id = s.post_id and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null)`);
    await upsertPosts(db, where);
    const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from posts p where ${where}`);
    done += count?.n ?? 0;
    progress(done, Math.max(done, bounds?.total ?? 0));
  }
  // Posts written or deleted meanwhile move the count: once every slice is done, so is the rebuild.
  progress(done, done);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_recent_posts`);
    await tx.execute(sql`insert into search_recent_posts (${RECENT_COLUMNS}) select ${RECENT_COLUMNS} from search_posts where post_id >= ${await countedFloor(tx)}`);
  });
  // Counted afresh: the incremental counts drift upwards with edits.
  await db.execute(sql`
    insert into search_lexemes (lexeme, documents) select word, ndoc from ts_stat('select document from search_posts')
    on conflict (lexeme) do update set documents = excluded.documents`);
}
