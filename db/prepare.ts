import path from 'node:path';
import { connect } from './client';
import { startEmbedded, type RunningDatabase } from './embedded';
import { runMigrations } from './migrate';
import { seedDemoOnce } from './seed/seed-demo';

export const DEFAULT_EMBEDDED_PORT = 54329;

export function dataDir(): string {
  return path.resolve(process.env.CERCLE_DATA_DIR ?? '.cercle-data');
}

/**
 * The one way every entry point (dev, start, import, export, seed, tests) gets its
 * database: DATABASE_URL when set, else the embedded server; then pending migrations,
 * and the demo content once where asked. Sets DATABASE_URL for the app and child processes.
 */
export async function prepareDatabase(opts: { seedDemo: boolean }): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  const running: RunningDatabase = external
    ? { url: external, stop: async () => {} }
    : await startEmbedded({ dataDir: dataDir(), port: Number(process.env.CERCLE_PG_PORT ?? DEFAULT_EMBEDDED_PORT) });
  process.env.DATABASE_URL = running.url;
  const { sql, db } = connect(running.url, 2);
  try {
    await runMigrations(db);
    if (opts.seedDemo && (!external || process.env.CERCLE_SEED_DEMO === 'true')) await seedDemoOnce(db);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return running;
}
