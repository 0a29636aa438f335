import { and, inArray, isNull, sql } from 'drizzle-orm';
import { members, posts, threads } from '@/db/schema';
import type { Ctx } from '../context';
import type { GroupSummary } from '../members/readable-groups';
import { escapeLike } from '../sql-like';
import { threadPostUrl } from '../threads/urls';
import { parseInput } from '../validate';
import type { EngineHit, EngineQuery, SearchEngine } from './engine';
import { parseSearchQuery, type ParsedQuery, type SearchOrder } from './query-syntax';
import { searchableGroups } from './searchable-groups';
import { getSearchEngine } from './search-engine';
import { SEARCH_PAGE_SIZE, searchInputSchema } from './search-schemas';

export type SearchHit = {
  postId: number;
  number: number;
  url: string;
  thread: { id: number; title: string; replyCount: number; closed: boolean; pinned: boolean };
  /** Title and snippet with matched words between MARK_START and MARK_END (lib/search/highlight.ts). */
  titleHighlight: string;
  snippet: string;
  group: { slug: string; name: string };
  author: { id: number; name: string };
  postedAt: string;
};

export type SearchResults = {
  /** The search as understood: text and the filters from both the query and the controls. */
  query: ParsedQuery & { text: string };
  hits: SearchHit[];
  total: number;
  /** More matched than were ranked: `total` is then a lower bound. */
  capped: boolean;
  page: number;
  pageCount: number;
  /** Nothing to search for yet: no words and no filter. */
  empty: boolean;
};

/** "author:amina" finds Amina Haddad: any member whose name has a word starting so. */
async function authorIds(ctx: Ctx, name: string): Promise<number[]> {
  const pattern = escapeLike(name.toLowerCase());
  const rows = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(sql`lower(${members.name}) like ${`${pattern}%`} or lower(${members.name}) like ${`% ${pattern}%`}`)
    .limit(100);
  return rows.map((row) => row.id);
}

function groupIdsFor(readable: Map<number, GroupSummary>, slug: string | undefined): number[] {
  const all = [...readable.values()];
  // An unknown group and a group the searcher may not read look the same: no results.
  return slug === undefined ? all.map((g) => g.id) : all.filter((g) => g.slug === slug.toLowerCase()).map((g) => g.id);
}

/** The page's posts, re-read and re-checked: a hit the engine still holds but the searcher may no longer read is dropped. */
async function hydrate(ctx: Ctx, hits: EngineHit[], readable: Map<number, GroupSummary>): Promise<SearchHit[]> {
  if (hits.length === 0) return [];
  const rows = await ctx.db
    .select({
      postId: posts.id,
      number: posts.number,
      createdAt: posts.createdAt,
      authorId: members.id,
      authorName: members.name,
      threadId: threads.id,
      title: threads.title,
      replyCount: threads.replyCount,
      closed: threads.closed,
      pinned: threads.pinned,
      groupId: threads.groupId,
    })
    .from(posts)
    .innerJoin(threads, sql`${threads.id} = ${posts.threadId}`)
    .innerJoin(members, sql`${members.id} = ${posts.authorId}`)
    .where(and(inArray(posts.id, hits.map((h) => h.postId)), isNull(posts.deletedAt), isNull(posts.hiddenAt), isNull(threads.deletedAt)));
  const byId = new Map(rows.map((row) => [row.postId, row]));
  return hits.flatMap((hit) => {
    const row = byId.get(hit.postId);
    const group = row && readable.get(row.groupId);
    if (!row || !group) return [];
    return [
      {
        postId: row.postId,
        number: row.number,
        url: threadPostUrl(row.threadId, row.number),
        thread: { id: row.threadId, title: row.title, replyCount: row.replyCount, closed: row.closed, pinned: row.pinned },
        titleHighlight: hit.title,
        snippet: hit.snippet,
        group: { slug: group.slug, name: group.name },
        author: { id: row.authorId, name: row.authorName },
        postedAt: row.createdAt.toISOString(),
      },
    ];
  });
}

/** The query's own filters, overridden by the page's controls where both say something. */
function understand(input: ReturnType<typeof searchInputSchema.parse>): ParsedQuery & { text: string } {
  const parsed = parseSearchQuery(input.q);
  return {
    ...parsed,
    text: input.q.trim(),
    group: input.group ?? parsed.group,
    author: input.author ?? parsed.author,
    after: input.after ?? parsed.after,
    before: input.before ?? parsed.before,
    status: input.status ?? parsed.status,
    inTitle: input.in === 'title' || parsed.inTitle,
    order: input.sort ?? parsed.order,
  };
}

function hasFilter(query: ParsedQuery): boolean {
  return Boolean(query.group || query.author || query.after || query.before || query.status || query.inTitle);
}

type Mode = { prefix: boolean; perPage: number; engine: SearchEngine };

async function run(ctx: Ctx, input: unknown, mode: Mode): Promise<SearchResults> {
  const data = parseInput(searchInputSchema, input);
  const query = understand(data);
  const empty = !query.terms.some((t) => !t.excluded) && !hasFilter(query);
  const nothing: SearchResults = { query, hits: [], total: 0, capped: false, page: data.page, pageCount: 0, empty };
  if (empty) return nothing;
  const readable = await searchableGroups(ctx);
  const groupIds = groupIdsFor(readable, query.group);
  const authors = query.author ? await authorIds(ctx, query.author) : undefined;
  if (groupIds.length === 0 || authors?.length === 0) return nothing;
  const order: SearchOrder = query.order ?? (query.terms.length > 0 ? 'relevance' : 'newest');
  const engineQuery: EngineQuery = {
    terms: query.terms,
    groupIds,
    authorIds: authors,
    after: query.after,
    before: query.before,
    status: query.status,
    inTitle: query.inTitle ?? false,
    order,
    prefix: mode.prefix,
    offset: (data.page - 1) * mode.perPage,
    limit: mode.perPage,
  };
  const result = await mode.engine.search(ctx.db, engineQuery);
  const hits = await hydrate(ctx, result.hits, readable);
  return { ...nothing, hits, total: result.total, capped: result.capped, pageCount: Math.ceil(result.total / mode.perPage) };
}

/** The archive search behind /search and GET /api/search: only groups the viewer may read, ever. */
export function searchArchive(ctx: Ctx, input: unknown, engine = getSearchEngine()): Promise<SearchResults> {
  return run(ctx, input, { prefix: false, perPage: SEARCH_PAGE_SIZE, engine });
}

export const SUGGESTION_COUNT = 6;

/** Results as the searcher types: the last word matches as a prefix. Same permissions as the full search. */
export function suggestThreads(ctx: Ctx, input: unknown, engine = getSearchEngine()): Promise<SearchResults> {
  return run(ctx, input, { prefix: true, perPage: SUGGESTION_COUNT, engine });
}
