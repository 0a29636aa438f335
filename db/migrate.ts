import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

// From the project folder, where every command runs (Next.js needs it too): the production
// server is compiled into one file (.next/cercle-server.mjs) that lives elsewhere.
const migrationsFolder = path.resolve('db', 'migrations');

/** Applies the committed drizzle-kit migrations that the database has not seen yet. */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
