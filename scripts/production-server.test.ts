import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_START } from './production-server';

describe('npm start', () => {
  it('runs the production server the way the benchmark and the browser tests start it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(PRODUCTION_START.join(' '));
  });
});
