import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, type Db } from './client';

const kept = (db: Db, marker: string) =>
  db.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`);

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
});
