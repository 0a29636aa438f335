import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Database = PostgresJsDatabase;
/** A transaction handle: every verb accepts either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Tx;

type Connection = { sql: postgres.Sql; db: Database };

// Kept on globalThis so that dev-server hot reloads reuse one pool.
const holder = globalThis as typeof globalThis & { __cercleDb?: Connection };

export function connect(url: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): Connection {
  const sql = postgres(url, { max, onnotice: () => {} });
  // No schema: Cercle uses no relational queries, and with one every transaction builds a query helper per table.
  return { sql, db: drizzle(sql) };
}

/** The process-wide database, configured by DATABASE_URL (set by scripts/serve.ts for the embedded server). */
export function getDb(): Database {
  if (!holder.__cercleDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start Cercle with `npm run dev` or `npm start`, which provide it.');
    holder.__cercleDb = connect(url);
  }
  return holder.__cercleDb.db;
}

export async function closeDb(): Promise<void> {
  await holder.__cercleDb?.sql.end({ timeout: 5 });
  holder.__cercleDb = undefined;
}

