import { ErrorStatusCode, Meilisearch, MeilisearchApiError, type EnqueuedTask, type Task } from 'meilisearch';

export type MeiliSettings = { host: string; apiKey: string | undefined; indexName: string };

export function meiliSettingsFromEnv(): MeiliSettings {
  const { MEILI_HOST: host, MEILI_MASTER_KEY: apiKey, MEILI_INDEX: indexName } = process.env;
  if (!host) throw new Error('MEILI_HOST is not set: the Meilisearch engine needs the address of a Meilisearch server.');
  return { host, apiKey: apiKey || undefined, indexName: indexName || 'cercle_posts' };
}

export function createMeiliClient({ host, apiKey }: MeiliSettings): Meilisearch {
  // A server that stops answering fails the request instead of holding a search or a worker forever.
  return new Meilisearch({ host, apiKey, timeout: 30_000 });
}

/**
 * How long to wait for tasks. Index maintenance waits as long as the server is working on
 * them (each poll still times out on its own); outbox updates give up sooner, so their
 * transaction is not held open behind a long queue, and are retried.
 */
export const WAIT_UNTIL_DONE = 0;
export const WAIT_FOR_UPDATES_MS = 60_000;

function taskError(task: Task): Error {
  const reason = task.error ? `${task.error.code}: ${task.error.message}` : 'no reason given';
  return new Error(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? 'no index'}) ${task.status}: ${reason}`);
}

/**
 * Waits for the tasks, in order, and throws unless each succeeded or failed with one of the
 * `tolerated` error codes. Meilisearch reports a failed task as a finished one, never as an
 * error, so a caller that did not look would take a lost update for a done one.
 */
export async function settle(client: Meilisearch, tasks: EnqueuedTask[], timeout: number, tolerated: string[] = []): Promise<void> {
  for (const enqueued of tasks) {
    const task = await client.tasks.waitForTask(enqueued, { timeout, interval: 100 });
    if (task.status !== 'succeeded' && !(task.error && tolerated.includes(task.error.code))) throw taskError(task);
  }
}

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === ErrorStatusCode.INDEX_NOT_FOUND) return false;
    throw error;
  }
}
