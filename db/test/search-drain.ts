import { sql } from 'drizzle-orm';
import { drainAllSearchUpdates } from '@/lib/search/drain-search-outbox';
import type { SearchEngine } from '@/lib/search/engine';
import { postgresEngine } from '@/lib/search/postgres/postgres-engine';
import { testDb } from './factories';

/** Any number of its own: taken only by test files, never by the app. */
const SEARCH_DRAIN_LOCK = 7_311_904;

/**
 * Test files share one search outbox, and a drain takes every row that is due, whoever wrote
 * it (SKIP LOCKED). Two files draining at once would each return while the other still held
 * some of its rows, and a test could look before its change was applied. Test drains take
 * turns through an advisory lock instead, so a drain that returns has applied everything that
 * was due when it began. `work` runs while the lock is held (on another connection).
 */
export function drainingAlone<T>(work: () => Promise<T>): Promise<T> {
  return testDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEARCH_DRAIN_LOCK})`);
    return work();
  });
}

/** Applies every due search change, taking turns with other test files. */
export function drainSearchOutboxAlone(engine: SearchEngine = postgresEngine): Promise<number> {
  return drainingAlone(() => drainAllSearchUpdates(testDb(), engine));
}
