import type { SearchEngine } from '../engine';
import { applyChanges } from './apply-changes';
import { prepareIndex } from './index-settings';
import { createMeiliClient, meiliSettingsFromEnv, type MeiliSettings } from './meili-client';
import type { PostDocument } from './post-documents';
import { rebuildIndex, writeTargets } from './rebuild-index';
import { searchPosts } from './search-posts';
import { takeWriteLock } from './write-lock';

function createMeilisearchEngine(settings: MeiliSettings): SearchEngine {
  const client = createMeiliClient(settings);
  const live = settings.indexName;
  return {
    name: 'meilisearch',
    prepare: () => prepareIndex(client, live),
    search: (db, query) => searchPosts(db, client.index<PostDocument>(live), query),
    async apply(db, changes) {
      await takeWriteLock(db);
      await applyChanges(db, client, await writeTargets(client, live), changes);
    },
    reindex: (db, progress) => rebuildIndex(db, client, live, progress),
  };
}

let engine: SearchEngine | undefined;

/** The engine for MEILI_HOST (with MEILI_MASTER_KEY and MEILI_INDEX when set), one per process. */
export function meilisearchEngine(): SearchEngine {
  engine ??= createMeilisearchEngine(meiliSettingsFromEnv());
  return engine;
}
