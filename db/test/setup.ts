import { afterAll, inject } from 'vitest';
import { closeDb } from '../client';
import { UNLIMITED_POSTING } from './unlimited-posting';

process.env.DATABASE_URL = inject('databaseUrl');
// Tests post many times a second as members made a moment ago; lib/posts/posting-limits.test.ts puts the real limits back.
process.env.CERCLE_LIMITS = JSON.stringify(UNLIMITED_POSTING);

afterAll(async () => {
  await closeDb();
});
