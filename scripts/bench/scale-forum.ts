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

/**
 * The embedded server's port for the forum of this size: one per size, because
 * startEmbedded reuses whatever server already answers on its port, and two benchmarks of
 * different sizes running at once must not meet in one database.
 */
export function benchPgPort(posts: number): number {
  return 54_450 + (posts % 97);
}

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
  process.env.CERCLE_PG_PORT ??= String(benchPgPort(posts));
  const external = process.env.DATABASE_URL !== undefined;
  const database = await prepareDatabase({ seedDemo: false });
  const db = getDb();
  if (!external) {
    // A server left on this port by something else would otherwise be filled (or measured) in this forum's place.
    const [{ dir } = { dir: '' }] = await db.execute<{ dir: string }>(sql`select current_setting('data_directory') as dir`);
    const expected = path.join(process.env.CERCLE_DATA_DIR, 'pg');
    if (path.resolve(dir) !== path.resolve(expected)) {
      await closeDb();
      throw new Error(`Port ${process.env.CERCLE_PG_PORT} serves ${dir}, not ${expected}: stop that server or set CERCLE_PG_PORT.`);
    }
  }
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
