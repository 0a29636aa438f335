import type { SearchEngine } from '../engine';
import { buildTsquery } from './build-tsquery';
import { indexPosts, indexThreads, reindexAll } from './index-posts';
import { searchPosts } from './search-posts';

/** The default engine: PostgreSQL full-text search, always available, nothing else to run. */
export const postgresEngine: SearchEngine = {
  name: 'postgres',
  async prepare() {},
  async search(db, query) {
    const options = { prefix: query.prefix, inTitle: query.inTitle };
    const built = await buildTsquery(db, query.terms, options);
    // Only exclusions or stop words: nothing to look for, unless filters alone make the search.
    if (!built.tsquery && query.terms.length > 0) return { hits: [], total: 0, capped: false };
    const result = await searchPosts(db, query, built);
    if (result.total > 0 || built.widened || query.offset > 0) return result;
    // Nothing matched as written: a word the index knows may still be a misspelling someone else made too.
    const widened = await buildTsquery(db, query.terms, { ...options, widen: true });
    return widened.widened ? searchPosts(db, query, widened) : result;
  },
  async apply(db, { postIds, threadIds }) {
    await indexThreads(db, threadIds);
    await indexPosts(db, postIds);
  },
  reindex: reindexAll,
};
