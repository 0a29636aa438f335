/**
 * `npm run dev` / `npm start`: prepares the database (embedded PostgreSQL unless
 * DATABASE_URL is set, migrations, demo content once), then serves Next.js from this
 * process. Serving it ourselves lets every request carry the client address we saw
 * (lib/auth/client-address.ts), which Next.js alone would take from a client-supplied header,
 * refuses cross-site writes before anything runs, keeps pages a few seconds (the page cache), and
 * answers the busiest JSON routes without Next.js's overhead (lib/direct-api.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { dataDir, prepareDatabase } from '../db/prepare';
import { stampClientAddress } from '../lib/auth/client-address';
import { isCrossSite, refuseCrossSite, setSecurityHeaders } from '../lib/auth/cross-site';
import { checkEnv } from '../lib/env';
import { getDb } from '../db/client';
import { PageCache } from '../lib/page-cache/page-cache';
import { memberAudience } from '../lib/page-cache/member-audience';
import { startBackgroundWork } from '../lib/background-work';
import { writeOutAbortStacks } from '../lib/abort-reasons';
import { directApi } from '../lib/direct-api';
import { DIRECT_ROUTES } from '../app/api/direct-routes';

const mode = process.argv[2] ?? 'dev';
if (mode !== 'dev' && mode !== 'start') throw new Error(`Unknown mode "${mode}": use dev or start.`);

/** A secret made once per data folder, so sessions survive restarts without any set-up. */
function authSecret(): string {
  const file = path.join(dataDir(), 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const env = checkEnv();
const started = Date.now();
const database = await prepareDatabase({ seedDemo: true });
const port = env.PORT ?? 3000;
const sessionSecret = (process.env.NEXTAUTH_SECRET ??= authSecret());
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
if (mode === 'start') (process.env as Record<string, string>).NODE_ENV = 'production';
// Development mail goes to a real SMTP server on this machine, kept as files in the data directory.
// Imported only then: smtp-server is a development dependency.
const mailCatcher = mode === 'dev' && !process.env.SMTP_URL ? await (await import('./dev-mail-catcher')).startDevMailCatcher(path.join(dataDir(), 'mail')) : null;
if (mailCatcher) process.env.SMTP_URL = mailCatcher.url;

writeOutAbortStacks();
const app = next({ dev: mode === 'dev', hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
// The pool is made before any request, so its connections open outside them (db/client.ts).
const db = getDb();
// The outboxes are drained here unless separate `npm run worker` processes do it.
const stopBackgroundWork = process.env.CERCLE_WORKER === 'external' ? async () => {} : await startBackgroundWork(db);
const trustProxy = process.env.CERCLE_TRUST_PROXY === 'true';
// Development renders the code as it changes, so pages are kept only in production.
const pageCache = new PageCache({
  ttlMs: mode === 'start' ? (env.CERCLE_PAGE_CACHE_SECONDS ?? 10) * 1000 : 0,
  audienceOf: (sessionToken) => memberAudience(db, sessionToken, sessionSecret),
});
// Development leaves every route to Next.js, which recompiles them as they change.
const answeredDirectly = mode === 'start' ? directApi(DIRECT_ROUTES) : () => false;
const server = createServer((req, res) => {
  stampClientAddress(req, trustProxy);
  setSecurityHeaders(res);
  if (isCrossSite(req)) return void refuseCrossSite(req, res);
  pageCache.handle(req, res, () => {
    if (!answeredDirectly(req, res)) void handle(req, res);
  });
});
server.on('upgrade', app.getUpgradeHandler());
server.listen(port, () => {
  console.log(`cercle: ${mode === 'dev' ? 'development' : 'production'} server on http://localhost:${port} (database ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
});

async function shutdown() {
  server.close();
  await stopBackgroundWork();
  await mailCatcher?.close();
  await app.close();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
