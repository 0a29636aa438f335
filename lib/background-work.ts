import type { Database } from '@/db/client';
import { startMailWorker } from './mail/mail-worker';
import { createMailTransport } from './mail/transport';
import { closeDueThreads } from './moderation/close-due-threads';
import { startRepeatingTask } from './repeating-task';
import { getSearchEngine } from './search/search-engine';
import { startSearchWorker } from './search/search-worker';

/**
 * Everything the outboxes and schedules ask for: email delivery, search indexing and
 * scheduled thread closes. Runs in the web
 * server by default, or in `npm run worker` processes (several may run at once).
 */
export async function startBackgroundWork(db: Database): Promise<() => Promise<void>> {
  const engine = getSearchEngine();
  await engine.prepare();
  const stops = [
    startMailWorker(db, createMailTransport()),
    startSearchWorker(db, engine),
    // Scheduled closes happen within a minute of their time; replies are refused from the moment itself.
    startRepeatingTask('scheduled close', 60_000, () => closeDueThreads(db)),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
