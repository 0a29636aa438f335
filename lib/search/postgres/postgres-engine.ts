import type { SearchEngine } from '../engine';
import { buildTsquery } from './build-tsquery';
import { indexPosts, indexThreads, reindexAll } from './index-posts';
import { searchPosts } from './search-posts';

/** The default engine: PostgreSQL full-text search, always available, nothing else to run. */
export const postgresEngine: SearchEngine = {
  name: 'postgres',
  async prepare() {},
  async search(db, query) {
    const tsquery = await buildTsquery(db, query.terms, { prefix: query.prefix, inTitle: query.inTitle });
    // Only exclusions or stop words: nothing to look for, unless filters alone make the search.
    if (!tsquery && query.terms.length > 0) return { hits: [], total: 0, capped: false };
    return searchPosts(db, query, tsquery);
  },
  async apply(db, { postIds, threadIds }) {
    await indexThreads(db, threadIds);
    await indexPosts(db, postIds);
  },
  reindex: reindexAll,
};
