import { afterAll, inject } from 'vitest';
import { closeDb } from '../client';

process.env.DATABASE_URL = inject('databaseUrl');

afterAll(async () => {
  await closeDb();
});
