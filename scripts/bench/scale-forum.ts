/**
 * The generated forums the benchmarks share: one per size, generated once (npm run
 * seed:scale's generator) into .cercle-bench/<posts> with its own embedded server, and
 * reused by every later run of `npm run bench` and `npm run bench:search`.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, type Database } from '@/db/client';
import type { RunningDatabase } from '@/db/embedded';
import { prepareDatabase } from '@/db/prepare';
import { seedScaleForum } from '@/db/seed/scale/seed-scale';

/** The embedded server's port for benchmark forums (one size runs at a time). */
export const BENCH_PG_PORT = '54450';

export function benchDataDir(posts: number): string {
  return path.resolve('.cercle-bench', String(posts));
}

export type ScaleForum = { database: RunningDatabase; db: Database; close: () => Promise<void> };

/**
 * Opens the forum of this size (CERCLE_DATA_DIR / CERCLE_PG_PORT or DATABASE_URL when
 * set, else .cercle-bench/<posts>), generating it first when the database holds none.
 * Sets DATABASE_URL for this process (getDb) and its children, as prepareDatabase does.
 */
export async function openScaleForum(posts: number): Promise<ScaleForum> {
  process.env.CERCLE_DATA_DIR ??= benchDataDir(posts);
  process.env.CERCLE_PG_PORT ??= BENCH_PG_PORT;
  const database = await prepareDatabase({ seedDemo: false });
  const db = getDb();
  const [seeded] = await db.execute(sql`select 1 from groups where slug = 'scale-0'`);
  if (!seeded) await seedScaleForum(db, posts);
  return {
    database,
    db,
    close: async () => {
      await closeDb();
      await database.stop();
    },
  };
}
