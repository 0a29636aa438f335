import type { SearchEngine } from './engine';
import { meilisearchEngine } from './meilisearch/meilisearch-engine';
import { postgresEngine } from './postgres/postgres-engine';

async function meilisearchAnswers(host: string): Promise<boolean> {
  try {
    return (await fetch(new URL('/health', host), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * The engines the search suites run against: PostgreSQL always, Meilisearch when MEILI_HOST
 * points at a running server. Otherwise one line says the Meilisearch runs were skipped.
 */
export async function availableEngines(): Promise<SearchEngine[]> {
  const host = process.env.MEILI_HOST;
  if (host && (await meilisearchAnswers(host))) {
    const meilisearch = meilisearchEngine();
    await meilisearch.prepare();
    return [postgresEngine, meilisearch];
  }
  console.log(`skipped: no Meilisearch at ${host ?? 'MEILI_HOST (not set)'}; the Meilisearch engine's suites run when MEILI_HOST points at a server`);
  return [postgresEngine];
}
