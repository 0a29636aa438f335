/**
 * A fresh, real PostgreSQL database for every test run: a new embedded cluster in a
 * temporary folder, or, when DATABASE_URL is set, a new database on that server.
 * Migrations are applied once here; test files share it and create their own rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { connect } from '../client';
import { startEmbedded } from '../embedded';
import { runMigrations } from '../migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function externalDatabase(url: string) {
  const name = `cercle_test_${Date.now()}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    url: testUrl.toString(),
    stop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function embeddedDatabase() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cercle-test-'));
  const running = await startEmbedded({ dataDir, port: await freePort() });
  return {
    url: running.url,
    stop: async () => {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const database = process.env.DATABASE_URL ? await externalDatabase(process.env.DATABASE_URL) : await embeddedDatabase();
  const { sql, db } = connect(database.url, 1);
  await runMigrations(db);
  await sql.end();
  project.provide('databaseUrl', database.url);
  return database.stop;
}
