/**
 * `npm run dev` / `npm start`: prepares the database (embedded PostgreSQL unless
 * DATABASE_URL is set, migrations, demo content once), then runs `next dev` or
 * `next start` with DATABASE_URL pointing at it, and stops the database after.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dataDir, prepareDatabase } from '../db/prepare';
import { checkEnv } from '../lib/env';

const [mode = 'dev', ...nextArgs] = process.argv.slice(2);
if (mode !== 'dev' && mode !== 'start') throw new Error(`Unknown mode "${mode}": use dev or start.`);

/** A secret made once per data folder, so sessions survive restarts without any set-up. */
function authSecret(): string {
  const file = path.join(dataDir(), 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

checkEnv();
const started = Date.now();
const database = await prepareDatabase({ seedDemo: true });
console.log(`cercle: database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: port,
};
const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [next, mode, ...nextArgs], { stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
