import { AsyncResource } from 'node:async_hooks';
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
  // Plans stay custom, made for each execution's values: a statement kept by name (below) never
  // runs a generic plan blind to them, and db/explain.test.ts's plans are the ones that run.
  const sql = postgres(url, { max, onnotice: () => {}, connection: { plan_cache_mode: 'force_custom_plan' } });
  // No schema: Cercle uses no relational queries, and with one every transaction builds a query helper per table.
  return { sql, db: drizzle(namingEveryStatement(sql, new AsyncResource('cercle-database'))) };
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * Drizzle runs every query not `.prepare()`d as an unnamed statement, which postgres.js sends
 * in two round trips (describe, then execute) and PostgreSQL parses anew each time. Named, a
 * statement is kept per connection by its text and runs in one: about half the cost to the
 * server's CPU and to PostgreSQL's, for every query. Transactions and savepoints get the same.
 *
 * Queries and transactions also start in `pool`'s async scope, the one the pool was made in
 * (the server's start), not the request's. postgres.js opens a connection when a query finds
 * none free: opened inside a request, its socket and timers would hold that request's
 * context (Next.js's stores, the whole render) for as long as the connection lives, one of the
 * holders of the leak lib/abort-reasons.ts describes. Each transaction's own code still runs in
 * its request.
 */
function namingEveryStatement<C extends Client>(client: C, pool: AsyncResource): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'unsafe') {
        return (query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) => {
          const pending = target.unsafe(query, args, { ...options, prepare: true });
          return pool.runInAsyncScope(() => pending.execute());
        };
      }
      if ((property === 'begin' || property === 'savepoint') && typeof value === 'function') {
        return (...args: unknown[]) => {
          const scope = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const inRequest = AsyncResource.bind((tx: postgres.TransactionSql) => scope(namingEveryStatement(tx, pool)));
          return pool.runInAsyncScope(() => value.call(target, ...args, inRequest));
        };
      }
      return value;
    },
  });
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

