import { highlightHtml, highlightSegments } from './highlight';
import type { SearchHit, SearchResults } from './search-archive';

function hitJson(hit: SearchHit) {
  return {
    thread: { id: hit.thread.id, title: hit.thread.title, url: `/t/${hit.thread.id}`, replyCount: hit.thread.replyCount, closed: hit.thread.closed, pinned: hit.thread.pinned },
    titleHtml: highlightHtml(hit.titleHighlight),
    post: { id: hit.postId, number: hit.number, url: hit.url },
    group: hit.group,
    author: hit.author,
    postedAt: hit.postedAt,
    snippetHtml: highlightHtml(hit.snippet),
  };
}

/** GET /api/search: the results page as JSON, highlights as escaped HTML with <mark>. */
export function searchResultsJson(results: SearchResults) {
  return {
    query: results.query.text,
    total: results.total,
    capped: results.capped,
    page: results.page,
    pageCount: results.pageCount,
    hits: results.hits.map(hitJson),
  };
}

/** GET /api/search/suggestions: what the header's search box lists while the searcher types. */
export function suggestionsJson(results: SearchResults) {
  return {
    query: results.query.text,
    suggestions: results.hits.map((hit) => ({ url: hit.url, title: highlightSegments(hit.titleHighlight), group: hit.group.name })),
  };
}

export type SuggestionsJson = ReturnType<typeof suggestionsJson>;
