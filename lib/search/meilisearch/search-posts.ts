import type { Hit, Index, SearchParams } from 'meilisearch';
import type { Db } from '@/db/client';
import { MARK_END, MARK_START, type EngineQuery, type EngineResult } from '../engine';
import type { SearchOrder, SearchStatus, SearchTerm } from '../query-syntax';
import { MAX_TOTAL_HITS } from './index-settings';
import { deletedPostIdsOfThread, visiblePostIds, type PostDocument } from './post-documents';

const STATUS_FILTER: Record<SearchStatus, string[]> = {
  open: ['closed = false', 'archived = false'],
  closed: ['closed = true'],
  pinned: ['pinned = true'],
  archived: ['archived = true'],
};

const SORT: Record<SearchOrder, string[] | undefined> = {
  relevance: undefined,
  newest: ['postedAt:desc', 'id:desc'],
  oldest: ['postedAt:asc', 'id:asc'],
  replies: ['replyCount:desc', 'postedAt:desc', 'id:desc'],
};

/**
 * The terms in Meilisearch's query syntax: words as typed, "phrases" quoted, exclusions
 * after a minus. A stray quote inside a word would open a phrase, so it is dropped.
 * Meilisearch matches the last word as a prefix whether or not the searcher is still
 * typing: typeahead needs it, and as there is no stemming it also lets a full search for
 * "visa" find "visas".
 */
function searchText(terms: SearchTerm[]): string {
  return terms
    .map((term) => {
      const text = term.phrase ? `"${term.text}"` : term.text.replace(/"/g, '');
      return term.excluded ? `-${text}` : text;
    })
    .join(' ');
}

const unixDay = (isoDay: string): number => Date.parse(isoDay) / 1000;
const anyOf = (field: string, ids: number[]): string => `${field} IN [${ids.join(', ')}]`;

/** Every condition must hold (a filter array is a conjunction); the readable groups always come first. */
function searchFilter(query: EngineQuery): string[] {
  const filter = [anyOf('groupId', query.groupIds)];
  if (query.authorIds) filter.push(anyOf('authorId', query.authorIds));
  if (query.after) filter.push(`postedAt >= ${unixDay(query.after)}`);
  if (query.before) filter.push(`postedAt < ${unixDay(query.before)}`);
  if (query.inTitle) filter.push('isOpening = true');
  if (query.status) filter.push(...STATUS_FILTER[query.status]);
  return filter;
}

type Found = Pick<PostDocument, 'id' | 'threadId' | 'title' | 'body'>;

/**
 * The index trails the database by a moment. A hit whose post was deleted since is replaced
 * by the best remaining match in its thread, as PostgreSQL re-checks the current rows; a
 * hit from a deleted thread is dropped.
 */
async function withoutDeletedPosts(db: Db, hits: Hit<Found>[], searchThread: (threadId: number, limit: number) => Promise<Hit<Found>[]>): Promise<Hit<Found>[]> {
  if (hits.length === 0) return hits;
  const visible = await visiblePostIds(db, hits.map((hit) => hit.id));
  const kept: Hit<Found>[] = [];
  for (const hit of hits) {
    if (visible.has(hit.id)) {
      kept.push(hit);
      continue;
    }
    const deleted = await deletedPostIdsOfThread(db, hit.threadId);
    if (!deleted) continue;
    const replacement = (await searchThread(hit.threadId, deleted.size + 1)).find((other) => !deleted.has(other.id));
    if (replacement) kept.push(replacement);
  }
  return kept;
}

/**
 * The best post of each matching thread, one page of them. Permissions are enforced here,
 * by the filter on every query, never by the index's contents. Pages are asked for by
 * number because only then does Meilisearch count the threads exactly; its estimate may
 * count a thread once per matching post, and promise pages that turn out empty. The
 * engine's callers page in steps of `limit`.
 */
export async function searchPosts(db: Db, index: Index<PostDocument>, query: EngineQuery): Promise<EngineResult> {
  if (query.groupIds.length === 0 || query.authorIds?.length === 0) return { hits: [], total: 0, capped: false };
  if (query.limit < 1 || query.offset % query.limit !== 0) throw new RangeError('Meilisearch pages: offset must be a multiple of a positive limit');
  const q = searchText(query.terms);
  const params = {
    filter: searchFilter(query),
    sort: SORT[query.order],
    distinct: 'threadId',
    // Every word must match, as in PostgreSQL; Meilisearch would otherwise drop words until something does.
    matchingStrategy: 'all',
    attributesToSearchOn: query.inTitle ? ['title'] : undefined,
    // Title and body come back highlighted in `_formatted`; the raw text is not needed.
    attributesToRetrieve: ['id', 'threadId'],
    attributesToHighlight: ['title', 'body'],
    attributesToCrop: ['body'],
    cropLength: 40,
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
    hitsPerPage: query.limit,
    page: query.offset / query.limit + 1,
  } satisfies SearchParams;
  const response = await index.search<Found, typeof params>(q, params);
  const hits = await withoutDeletedPosts(db, response.hits, async (threadId, limit) => {
    const inThread = { ...params, filter: [...params.filter, `threadId = ${threadId}`], distinct: undefined, hitsPerPage: limit, page: 1 };
    return (await index.search<Found, typeof inThread>(q, inThread)).hits;
  });
  return {
    hits: hits.map((hit) => ({ postId: hit.id, snippet: hit._formatted?.body ?? '', title: hit._formatted?.title ?? '' })),
    total: response.totalHits,
    capped: response.totalHits >= MAX_TOTAL_HITS,
  };
}
