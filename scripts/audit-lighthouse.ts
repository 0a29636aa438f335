/**
 * `npm run audit:lighthouse`: Lighthouse scores (performance, accessibility, best practices,
 * SEO) of the main pages, against the production build on a scratch database with the demo
 * content. Uses Debian's Chromium where installed (CHROME_PATH overrides). Figures, not a test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { missingBuild, PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER } from './production-server';

const PORT = Number(process.env.AUDIT_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const PAGES = { home: '/', group: '/g/global-founders-online-club', thread: '/t/33', search: '/search?q=r%C3%A9seau', members: '/members' };
const TARGETS = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 } as const;

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The server did not become healthy in time.');
}

const missing = missingBuild();
if (missing) {
  console.error(missing);
  process.exit(2);
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cercle-audit-'));
const server = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER, 'start'], {
  env: { ...process.env, PORT: String(PORT), CERCLE_DATA_DIR: dataDir, CERCLE_PG_PORT: String(PORT + 51_000), NEXTAUTH_URL: BASE },
  stdio: 'ignore',
});
const chromePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
let chrome: chromeLauncher.LaunchedChrome | undefined;
let missed = 0;
try {
  await waitForHealth(Date.now() + 120_000);
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  console.log(`Lighthouse (mobile, simulated throttling) on ${BASE}\n`);
  console.log(['page', ...Object.keys(TARGETS)].map((h) => h.padEnd(16)).join(''));
  for (const [name, pagePath] of Object.entries(PAGES)) {
    const result = await lighthouse(`${BASE}${pagePath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) });
    const categories = result!.lhr.categories;
    const cells = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((key) => {
      const score = Math.round((categories[key]?.score ?? 0) * 100);
      if (score < TARGETS[key]) missed++;
      return `${score}${score < TARGETS[key] ? ` (<${TARGETS[key]})` : ''}`;
    });
    console.log([name, ...cells].map((c) => c.padEnd(16)).join(''));
  }
  console.log(missed === 0 ? '\nEvery score meets its target.' : `\n${missed} score(s) below target: see docs/performance.md.`);
} finally {
  await chrome?.kill();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
