/**
 * `npm run worker`: the background worker for production, where the web servers run with
 * CERCLE_WORKER=external. Delivers queued email until stopped; several workers may run.
 */
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { checkEnv } from '../lib/env';
import { startMailWorker } from '../lib/mail/mail-worker';
import { createMailTransport } from '../lib/mail/transport';

checkEnv();
const database = await prepareDatabase({ seedDemo: false });
const stop = startMailWorker(getDb(), createMailTransport());
console.log('cercle worker: delivering queued email');

async function shutdown() {
  await stop();
  await closeDb();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
