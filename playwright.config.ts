import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { UNLIMITED_POSTING } from './db/test/unlimited-posting';
import { PRODUCTION_START } from './scripts/production-server';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

// A fresh database for every run; workers inherit the value from the main process.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `cercle-e2e-${Date.now()}`);

// Debian's Chromium where installed (CI, these machines); Playwright's own browser elsewhere.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // The production build (`npm run build` runs before this in `npm run test:e2e`), on its own embedded database.
    command: PRODUCTION_START.join(' '),
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      CERCLE_DATA_DIR: process.env.E2E_DATA_DIR,
      CERCLE_PG_PORT: String(port + 51_000),
      CERCLE_SEED_DEMO: 'true',
      // The suite signs up many members; each browser context plays a client at its own address (e2e/fixtures.ts).
      CERCLE_TRUST_PROXY: 'true',
      NEXTAUTH_URL: baseURL,
      // Members signed up a moment ago post many times a minute here. The new-member link limit stays as
      // shipped (a test shows its message); images are let through for the hostile-markup test's <img>.
      CERCLE_LIMITS: JSON.stringify({ ...UNLIMITED_POSTING, newMemberDays: 1, newMemberPosts: 3, newMemberImages: 5 }),
    },
  },
});
