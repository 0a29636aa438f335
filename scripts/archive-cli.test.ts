import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';

const run = promisify(execFile);

async function freshDatabaseUrl() {
  const name = `cli_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = connect(inject('databaseUrl'), 1);
  await admin.sql.unsafe(`create database ${name}`);
  await admin.sql.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

function cli(script: string, file: string, databaseUrl: string) {
  return run('npx', ['tsx', `scripts/${script}.ts`, file], { env: { ...process.env, DATABASE_URL: databaseUrl } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('npm run import / export', () => {
  it('imports the demo archive, exports it, and refuses a malformed file writing nothing', async () => {
    const url = await freshDatabaseUrl();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cercle-cli-'));
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"format":"cercle-archive","version":1,\n"members":[{"key":"m1","email":"not-an-email","name":"A"}]}');
    const refused = await cli('import', bad, url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2, members[0].email: must be an email address');
    expect(refused.stderr).toContain('nothing was imported');

    const imported = await cli('import', 'db/seed/demo-archive.json', url);
    expect(imported.stdout).toMatch(/Imported from .*: 26 members, 7 groups, 42 threads/);
    const again = await cli('import', 'db/seed/demo-archive.json', url);
    expect(again.stdout).toContain('0 members, 0 groups, 0 threads, 0 posts');

    const out = path.join(dir, 'out.json');
    const exported = await cli('export', out, url);
    expect(exported.code).toBe(0);
    const archive = JSON.parse(await readFile(out, 'utf8')) as { members: unknown[]; threads: unknown[] };
    expect(archive.members).toHaveLength(26);
    expect(archive.threads).toHaveLength(42);
  });
});
