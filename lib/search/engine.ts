import type { Db } from '@/db/client';
import type { SearchOrder, SearchStatus, SearchTerm } from './query-syntax';

/** A search, resolved to what an engine needs: the searcher's readable groups are decided before it runs. */
export type EngineQuery = {
  terms: SearchTerm[];
  /** The groups the searcher may read, narrowed by a group filter: the engine never looks outside them. */
  groupIds: number[];
  authorIds?: number[];
  /** ISO days: posts written on or after `after`, before `before`. */
  after?: string;
  before?: string;
  status?: SearchStatus;
  inTitle: boolean;
  order: SearchOrder;
  /** Typeahead: the last word is still being typed, so it matches as a prefix. */
  prefix: boolean;
  offset: number;
  limit: number;
};

/** Highlighted text: matched words are wrapped in MARK_START … MARK_END, nothing else is markup. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export type EngineHit = { postId: number; snippet: string; title: string };

export type EngineResult = {
  hits: EngineHit[];
  /** Threads matched (results show the best post of each thread). */
  total: number;
  /** True when more matched than the engine ranks; the total is then a lower bound. */
  capped: boolean;
};

/** What the outbox asks an engine to bring up to date; it reads the current rows itself. */
export type IndexChanges = { postIds: number[]; threadIds: number[] };

export interface SearchEngine {
  readonly name: string;
  /** Settings an engine needs before documents arrive; safe to call on every start. */
  prepare(): Promise<void>;
  search(db: Db, query: EngineQuery): Promise<EngineResult>;
  /** Brings the given posts and threads up to date; runs inside the transaction that removes their outbox rows. */
  apply(db: Db, changes: IndexChanges): Promise<void>;
  /** Rebuilds the whole index from PostgreSQL, reporting progress as posts done out of a total. */
  reindex(db: Db, progress: (done: number, total: number) => void): Promise<void>;
}
