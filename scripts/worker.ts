/**
 * `npm run worker`: the background worker for production, where the web servers run with
 * CERCLE_WORKER=external. Delivers queued email and keeps the search index up to date
 * until stopped; several workers may run.
 */
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { checkEnv } from '../lib/env';
import { startBackgroundWork } from '../lib/background-work';

checkEnv();
const database = await prepareDatabase({ seedDemo: false });
const stop = await startBackgroundWork(getDb());
console.log('cercle worker: delivering queued email and indexing for search');

async function shutdown() {
  await stop();
  await closeDb();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
