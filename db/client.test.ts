import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect, getDb, type Db } from './client';

const kept = (db: Db, marker: string) =>
  db.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`);

/** What each socket opened while `run` runs was made with: the request's store, or none. */
async function socketStores<T>(request: AsyncLocalStorage<T>, run: () => Promise<unknown>): Promise<(T | undefined)[]> {
  const stores: (T | undefined)[] = [];
  const hook = createHook({
    init(_id, type) {
      if (type === 'TCPWRAP' || type === 'PIPEWRAP') stores.push(request.getStore());
    },
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  return stores;
}

describe('the database client', () => {
  it('keeps each statement by name, in and out of transactions, with plans made for its values', async () => {
    const db = getDb();
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as client_test_in_tx`);
      expect((await kept(tx, 'client_test_in_tx'))[0]!.n).toBe(1);
      expect((await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`))[0]!.plan_cache_mode).toBe('force_custom_plan');
      await tx.transaction(async (savepoint) => {
        await savepoint.execute(sql`select ${2}::int as client_test_in_savepoint`);
        expect((await kept(savepoint, 'client_test_in_savepoint'))[0]!.n).toBe(1);
      });
    });
  });

  it('opens connections that keep nothing of the request that needed them, while its code still sees it', async () => {
    // A fresh pool, so the request below is the one whose queries open its connections.
    const pool = connect(process.env.DATABASE_URL!, 2);
    const request = new AsyncLocalStorage<{ url: string }>();
    let seenInTransaction: { url: string } | undefined;
    try {
      const stores = await socketStores(request, () =>
        request.run({ url: '/t/1' }, async () => {
          await Promise.all([pool.db.execute(sql`select 1`), pool.db.transaction(async (tx) => {
            seenInTransaction = request.getStore();
            await tx.execute(sql`select 2`);
          })]);
        }),
      );
      expect(stores.length).toBeGreaterThan(0);
      expect(stores.every((store) => store === undefined)).toBe(true);
      expect(seenInTransaction).toEqual({ url: '/t/1' });
    } finally {
      await pool.sql.end({ timeout: 5 });
    }
  });
});
