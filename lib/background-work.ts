import type { Database } from '@/db/client';
import { startMailWorker } from './mail/mail-worker';
import { createMailTransport } from './mail/transport';
import { getSearchEngine } from './search/search-engine';
import { startSearchWorker } from './search/search-worker';

/**
 * Everything the outboxes ask for: email delivery and search indexing. Runs in the web
 * server by default, or in `npm run worker` processes (several may run at once).
 */
export async function startBackgroundWork(db: Database): Promise<() => Promise<void>> {
  const engine = getSearchEngine();
  await engine.prepare();
  const stops = [startMailWorker(db, createMailTransport()), startSearchWorker(db, engine)];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
