import { ErrorStatusCode, type Index, type Meilisearch } from 'meilisearch';
import type { Db } from '@/db/client';
import { prepareIndex } from './index-settings';
import { indexExists, settle, WAIT_UNTIL_DONE } from './meili-client';
import { countVisiblePosts, readPostDocuments, type PostDocument } from './post-documents';
import { withWriteLock } from './write-lock';

const SLICE_SIZE = 5000;

const rebuildIndexName = (live: string): string => `${live}_rebuild`;

/** The indexes outbox updates go to: the live one, and the one a rebuild is filling, so the rebuild misses none. */
export async function writeTargets(client: Meilisearch, live: string): Promise<Index<PostDocument>[]> {
  const uids = (await indexExists(client, rebuildIndexName(live))) ? [live, rebuildIndexName(live)] : [live];
  return uids.map((uid) => client.index<PostDocument>(uid));
}

/**
 * Rebuilds the index from PostgreSQL without downtime: a fresh index is filled slice by
 * slice while searches keep using the live one, then the two are swapped in one step and
 * the old one dropped. A rebuild index left by an interrupted run is started afresh.
 */
export async function rebuildIndex(db: Db, client: Meilisearch, live: string, progress: (done: number, total: number) => void): Promise<void> {
  const fresh = rebuildIndexName(live);
  // Swapping needs both indexes to exist.
  await prepareIndex(client, live);
  await withWriteLock(db, async () => {
    await settle(client, [await client.deleteIndex(fresh)], WAIT_UNTIL_DONE, [ErrorStatusCode.INDEX_NOT_FOUND]);
    // Settings before documents: indexing happens once, with them.
    await prepareIndex(client, fresh);
  });

  const index = client.index<PostDocument>(fresh);
  const total = await countVisiblePosts(db);
  progress(0, total);
  let done = 0;
  for (let afterId = 0; ; ) {
    const { documents, task } = await withWriteLock(db, async (tx) => {
      const slice = await readPostDocuments(tx, undefined, afterId, SLICE_SIZE);
      return { documents: slice, task: slice.length > 0 ? await index.addDocuments(slice) : undefined };
    });
    // Waited for outside the step, so outbox updates are not held up while Meilisearch indexes.
    if (task) await settle(client, [task], WAIT_UNTIL_DONE);
    done += documents.length;
    progress(done, Math.max(total, done));
    if (documents.length < SLICE_SIZE) break;
    afterId = documents[documents.length - 1]!.id;
  }
  // Posts written or deleted meanwhile move the count: once every slice is done, so is the rebuild.
  progress(done, done);

  await withWriteLock(db, async () => {
    await settle(client, [await client.swapIndexes([{ indexes: [live, fresh], rename: false }])], WAIT_UNTIL_DONE);
    // After the swap the rebuild name holds the old index.
    await settle(client, [await client.deleteIndex(fresh)], WAIT_UNTIL_DONE);
  });
}
