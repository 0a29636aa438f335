import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { getSearchEngine } from '@/lib/search/search-engine';
import { progressBar } from '@/scripts/progress-bar';
import { generateScaleForum, SCALE_PASSWORD } from './generate-scale';

/** Generates the forum, builds the configured search engine's index, and refreshes the planner's statistics. */
export async function seedScaleForum(db: Database, posts: number): Promise<void> {
  const started = Date.now();
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  await generateScaleForum(db, posts, await hashPassword(SCALE_PASSWORD), (stage, done, total) => {
    if (!bars.has(stage)) bars.set(stage, progressBar(stage.padEnd(20)));
    bars.get(stage)!(done, total);
  });
  const generated = Date.now();
  const engine = getSearchEngine();
  await engine.prepare();
  await engine.reindex(db, progressBar('search index'.padEnd(20)));
  await db.execute(sql`analyze`);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  console.log(`Generated ${posts.toLocaleString('en')} posts in ${seconds(generated - started)}; search index (${engine.name}) in ${seconds(Date.now() - generated)}.`);
}
