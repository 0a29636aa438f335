/**
 * `npm run search:reindex`: rebuilds the search index of the configured engine (Meilisearch
 * when MEILI_HOST is set, PostgreSQL otherwise) from the database, with a progress bar.
 * Searches keep working meanwhile; changes made during the rebuild reach the index through
 * the outbox as usual.
 */
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { checkEnv } from '../lib/env';
import { getSearchEngine } from '../lib/search/search-engine';
import { progressBar } from './progress-bar';

checkEnv();
const database = await prepareDatabase({ seedDemo: false });
try {
  const engine = getSearchEngine();
  const started = Date.now();
  await engine.prepare();
  await engine.reindex(getDb(), progressBar(`Reindexing posts (${engine.name})`));
  console.log(`Search index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await closeDb();
  await database.stop();
}
