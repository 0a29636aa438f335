/**
 * Starts the production server (`npm start`'s compiled scripts/serve.ts) on a
 * free port against the benchmark's database, and stops it. It runs as one Node.js
 * process (`node`, no npx wrapper in between) so that its memory is
 * the app's own. Needs a production build (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { missingBuild, PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER } from '../production-server';

export type BenchServer = { origin: string; pid: number; log: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `nodeFlags`: Node.js options for the server process alone (heap limits, to weigh memory against speed). */
export async function startServer(opts: { databaseUrl: string; dataDir: string; env?: Record<string, string>; cpuProfileDir?: string; nodeFlags?: string[] }): Promise<BenchServer> {
  const missing = missingBuild();
  if (missing) throw new Error(missing);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const log = path.join(opts.dataDir, 'server.log');
  const out = createWriteStream(log);
  const profile = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.cpuProfileDir)}`] : [];
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...(opts.nodeFlags ?? []), ...profile, PRODUCTION_SERVER, 'start'], {
    env: { ...process.env, ...opts.env, DATABASE_URL: opts.databaseUrl, CERCLE_DATA_DIR: opts.dataDir, PORT: String(port), NEXTAUTH_URL: origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited(child).then(() => false), sleep(15_000).then(() => true)]);
      if (timedOut) child.kill('SIGKILL');
      await exited(child);
    }
    out.end();
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, pid: child.pid!, log, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`The server did not answer within 2 minutes; see ${log}`);
}
