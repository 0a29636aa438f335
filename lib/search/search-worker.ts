import type { Database } from '@/db/client';
import { startRepeatingTask } from '../repeating-task';
import { drainAllSearchUpdates } from './drain-search-outbox';
import type { SearchEngine } from './engine';

/** Keeps the search index within about a second of the database until stopped. */
export function startSearchWorker(db: Database, engine: SearchEngine, intervalMs = 1_000): () => Promise<void> {
  return startRepeatingTask('search', intervalMs, () => drainAllSearchUpdates(db, engine));
}
