import { ErrorStatusCode, type Meilisearch, type Settings } from 'meilisearch';
import { indexExists, settle, WAIT_UNTIL_DONE } from './meili-client';

/** Meilisearch ranks and counts at most this many hits; past it the total is a lower bound. */
export const MAX_TOTAL_HITS = 1000;

const INDEX_SETTINGS: Settings = {
  // Listed in order of importance: a match in the title ranks above one in the body.
  searchableAttributes: ['title', 'body'],
  filterableAttributes: ['groupId', 'authorId', 'postedAt', 'isOpening', 'closed', 'pinned', 'archived', 'threadId'],
  // The post id breaks ties between posts written in the same second, as it does in PostgreSQL.
  sortableAttributes: ['postedAt', 'replyCount', 'id'],
  /*
   * `sort` first, so "newest", "oldest" and "replies" are strict orders as in PostgreSQL;
   * relevance searches send no sort and are ranked by the usual rules, newer posts first
   * among equals. `attribute` rather than its newer split (`attributeRank`, `wordPosition`)
   * because every server version accepts it.
   */
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'postedAt:desc', 'id:desc'],
  /*
   * Meilisearch assigns locales per attribute, not per document, so a post's own language
   * cannot steer how it is read. Declaring the five languages members write at least
   * lets language detection choose among them only (Latin text is then never taken for,
   * say, Italian). There is no stemming either way: a word matches as written, by prefix
   * or within the typo tolerance.
   */
  localizedAttributes: [{ attributePatterns: ['title', 'body'], locales: ['eng', 'fra', 'rus', 'ara', 'hin'] }],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
};

/** Creates the index if missing and brings its settings up to date: safe to repeat, as settings that did not change need no reindexing. */
export async function prepareIndex(client: Meilisearch, uid: string): Promise<void> {
  if (!(await indexExists(client, uid))) {
    // Another process may create it at the same moment: "already exists" means it is there.
    await settle(client, [await client.createIndex(uid, { primaryKey: 'id' })], WAIT_UNTIL_DONE, [ErrorStatusCode.INDEX_ALREADY_EXISTS]);
  }
  await settle(client, [await client.index(uid).updateSettings(INDEX_SETTINGS)], WAIT_UNTIL_DONE);
}
