import type { SearchEngine } from './engine';
import { meilisearchEngine } from './meilisearch/meilisearch-engine';
import { postgresEngine } from './postgres/postgres-engine';

/** Meilisearch when MEILI_HOST is set, PostgreSQL full-text search otherwise. */
export function getSearchEngine(): SearchEngine {
  return process.env.MEILI_HOST ? meilisearchEngine() : postgresEngine;
}
