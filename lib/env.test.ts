import { describe, expect, it } from 'vitest';
import { checkEnv } from './env';

describe('checkEnv', () => {
  it('accepts an empty environment: every setting has a default', () => {
    expect(checkEnv({})).toEqual({});
  });

  it('names each wrong setting', () => {
    expect(() => checkEnv({ DATABASE_URL: 'mysql://x', CERCLE_PG_PORT: 'abc' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*CERCLE_PG_PORT/);
  });
});
