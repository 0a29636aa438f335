/**
 * The generated forums the benchmarks share: one per size, generated once (npm run
 * seed:scale's generator) into .cercle-bench/<posts> with its own embedded server, and
 * reused by every later run of `npm run bench` and `npm run bench:search`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { connect, type Database } from '@/db/client';
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

export type ScaleForum = {
  posts: number;
  dataDir: string;
  database: RunningDatabase;
  /** The embedded PostgreSQL server's process; null for a database reached through DATABASE_URL. */
  databasePid: number | null;
  db: Database;
  close: () => Promise<void>;
};

/**
 * Opens the forum of this size (CERCLE_DATA_DIR / CERCLE_PG_PORT or DATABASE_URL when
 * set, else .cercle-bench/<posts>), generating it first when the database holds none.
 * Its connection is its own, so the benchmark can hold forums of several sizes open at once.
 */
export async function openScaleForum(posts: number): Promise<ScaleForum> {
  process.env.CERCLE_DATA_DIR ??= benchDataDir(posts);
  process.env.CERCLE_PG_PORT ??= String(benchPgPort(posts));
  const external = process.env.DATABASE_URL !== undefined;
  const dataDir = process.env.CERCLE_DATA_DIR;
  const database = await prepareDatabase({ seedDemo: false });
  const connection = connect(database.url);
  const db = connection.db;
  if (!external) {
    // A server left on this port by something else would otherwise be filled (or measured) in this forum's place.
    const [{ dir } = { dir: '' }] = await db.execute<{ dir: string }>(sql`select current_setting('data_directory') as dir`);
    const expected = path.join(dataDir, 'pg');
    if (path.resolve(dir) !== path.resolve(expected)) {
      await connection.sql.end({ timeout: 5 });
      throw new Error(`Port ${process.env.CERCLE_PG_PORT} serves ${dir}, not ${expected}: stop that server or set CERCLE_PG_PORT.`);
    }
  }
  const [seeded] = await db.execute(sql`select 1 from groups where slug = 'scale-0'`);
  // PostgreSQL's lock file starts with its pid.
  const databasePid = external ? null : Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n', 1)[0]);
  if (!seeded) await seedScaleForum(db, posts);
  return {
    posts,
    dataDir,
    database,
    databasePid,
    db,
    close: async () => {
      await connection.sql.end({ timeout: 5 });
      await database.stop();
    },
  };
}
