import type { EnqueuedTask, EnqueuedTaskPromise, Index, Meilisearch } from 'meilisearch';
import type { Db } from '@/db/client';
import type { IndexChanges } from '../engine';
import { settle, WAIT_FOR_UPDATES_MS } from './meili-client';
import {
  liveThreadIds,
  postDocumentBatches,
  postsOfThreads,
  postsWithIds,
  replyCountBatches,
  threadsOfPosts,
  type PostDocument,
} from './post-documents';

const BATCH_SIZE = 1000;

/**
 * Brings the given posts and threads up to date in each of `indexes`, from the current rows:
 * visible posts are sent whole (a thread's change reaches all its posts, which repeat its
 * title, group and status), and what is no longer visible is deleted. Resolves only once
 * every task succeeded, so the outbox rows are removed only for updates that are in.
 * The caller holds the write lock (write-lock.ts).
 */
export async function applyChanges(db: Db, client: Meilisearch, indexes: Index<PostDocument>[], { postIds, threadIds }: IndexChanges): Promise<void> {
  const tasks: EnqueuedTask[] = [];
  const enqueue = async (send: (index: Index<PostDocument>) => EnqueuedTaskPromise) => {
    for (const index of indexes) tasks.push(await send(index));
  };

  if (threadIds.length > 0) {
    for await (const documents of postDocumentBatches(db, postsOfThreads(threadIds), BATCH_SIZE)) {
      await enqueue((index) => index.addDocuments(documents));
    }
    const live = await liveThreadIds(db, threadIds);
    const gone = threadIds.filter((id) => !live.has(id));
    if (gone.length > 0) await enqueue((index) => index.deleteDocuments({ filter: `threadId IN [${gone.join(', ')}]` }));
  }

  if (postIds.length > 0) {
    const sent = new Set<number>();
    for await (const documents of postDocumentBatches(db, postsWithIds(postIds), BATCH_SIZE)) {
      for (const document of documents) sent.add(document.id);
      await enqueue((index) => index.addDocuments(documents));
    }
    const gone = postIds.filter((id) => !sent.has(id));
    if (gone.length > 0) await enqueue((index) => index.deleteDocuments(gone));

    /*
     * A reply written or deleted changes its thread's reply count, which every post of the
     * thread carries for the "replies" order, yet only the post itself reaches the outbox.
     * The count alone is updated on the others: their text needs no reindexing. A post not
     * indexed yet gets a stub holding only the count, which matches no group filter and is
     * replaced when the post's own outbox row is applied.
     */
    const counted = (await threadsOfPosts(db, postIds)).filter((id) => !threadIds.includes(id));
    if (counted.length > 0) {
      for await (const counts of replyCountBatches(db, counted, BATCH_SIZE)) {
        await enqueue((index) => index.updateDocuments(counts));
      }
    }
  }

  await settle(client, tasks, WAIT_FOR_UPDATES_MS);
}
