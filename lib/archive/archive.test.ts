import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { InvalidInputError } from '../errors';
import type { ArchiveInput } from './archive-format';
import { exportArchive } from './export-archive';
import { importArchive } from './import-archive';
import { parseArchive } from './parse-archive';

/** Each test gets its own empty database on the test server, since import and export see the whole forum. */
async function emptyDatabase() {
  const name = `archive_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = connect(inject('databaseUrl'), 1);
  await admin.sql.unsafe(`create database ${name}`);
  await admin.sql.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  const conn = connect(url.toString(), 2);
  await runMigrations(conn.db);
  return conn;
}

async function counts(db: ReturnType<typeof connect>['db']) {
  const [row] = await db.execute<{ members: number; groups: number; threads: number; posts: number }>(sql`
    select (select count(*)::int from members) as members, (select count(*)::int from groups) as groups,
           (select count(*)::int from threads) as threads, (select count(*)::int from posts) as posts`);
  return row!;
}

const demoText = () => readFile(new URL('../../db/seed/demo-archive.json', import.meta.url), 'utf8');

/** Group member order is not content: sort it so two archives compare by what they say. */
function canonical(archive: ArchiveInput) {
  const copy = JSON.parse(JSON.stringify(archive)) as ArchiveInput;
  for (const g of copy.groups ?? []) g.members?.sort((a, b) => a.member.localeCompare(b.member));
  return copy;
}

describe('archive import and export', () => {
  it('gives back the same content after import into an empty database and export', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const text = await demoText();
    await importArchive(db, parseArchive(text));
    expect(canonical(await exportArchive(db))).toEqual(canonical(JSON.parse(text) as ArchiveInput));
    await conn.end();
  });

  it('changes nothing when the same file is imported twice', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const archive = parseArchive(await demoText());
    const first = await importArchive(db, archive);
    expect(first.posts).toBeGreaterThan(100);
    const before = await exportArchive(db);
    const second = await importArchive(db, archive);
    expect(second).toEqual({ members: 0, groups: 0, threads: 0, posts: 0 });
    expect(await exportArchive(db)).toEqual(before);
    await conn.end();
  });

  it('keeps reply counts and last activity right after an import', async () => {
    const { db, sql: conn } = await emptyDatabase();
    await importArchive(db, parseArchive(await demoText()));
    const [row] = await db.execute<{ wrong: number }>(sql`
      select count(*)::int as wrong from threads t
      where t.reply_count <> (select count(*) from posts p where p.thread_id = t.id and p.number > 1 and p.deleted_at is null)
         or t.last_post_number <> (select max(number) from posts p where p.thread_id = t.id)`);
    expect(row!.wrong).toBe(0);
    await conn.end();
  });

  it('refuses a malformed file with the line and field at fault, and writes nothing', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const archive = JSON.parse(await demoText()) as ArchiveInput;
    archive.threads![3]!.posts[1]!.author = 'm999';
    const text = JSON.stringify(archive, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"m999"')) + 1;
    const error = (() => {
      try {
        parseArchive(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain(`line ${line}, threads[3].posts[1].author: refers to member "m999"`);
    expect(await counts(db)).toEqual({ members: 0, groups: 0, threads: 0, posts: 0 });
    await conn.end();
  });

  it.each([
    ['broken JSON', '{"format": "cercle-archive", "version": 1,\n  "members": [\n}', /line 3: not valid JSON/],
    ['the wrong format name', '{"format": "other", "version": 1}', /line 1, format: must be "cercle-archive"/],
    ['a bad date', '{"format":"cercle-archive","version":1,"members":[{"key":"m1","email":"a@example.test","name":"A"}],"groups":[{"key":"g1","slug":"g","name":"G","visibility":"public","joinPolicy":"open"}],"threads":[{"key":"t1","group":"g1","title":"T","author":"m1","createdAt":"yesterday","posts":[{"key":"p1","author":"m1","body":"x","createdAt":"2025-01-01T00:00:00Z"}]}]}', /threads\[0\]\.createdAt: must be an ISO 8601 date-time/],
    ['a duplicate email', '{"format":"cercle-archive","version":1,"members":[{"key":"m1","email":"a@example.test","name":"A"},\n{"key":"m2","email":"A@example.test","name":"B"}]}', /line 2, members\[1\]\.email: email "a@example.test" appears twice/],
    ['an unknown field', '{"format":"cercle-archive","version":1,"members":[],"extra":true}', /Unrecognized key/],
    ['a missing field', '{"format":"cercle-archive","version":1,"groups":[{"key":"g1","name":"G","visibility":"public","joinPolicy":"open"}]}', /groups\[0\]\.slug/],
  ])('explains %s', (_, text, message) => {
    expect(() => parseArchive(text)).toThrow(message);
  });

  it('rolls back a whole import that fails half way', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const archive = parseArchive(await demoText());
    // A post key already used elsewhere is only discovered after members, groups and threads were written.
    archive.threads[1]!.posts[0]!.key = archive.threads[0]!.posts[0]!.key;
    await expect(importArchive(db, archive)).rejects.toThrow();
    expect(await counts(db)).toEqual({ members: 0, groups: 0, threads: 0, posts: 0 });
    await conn.end();
  });
});

describe('archive import of referral chapters', () => {
  it('seats chapter members by profession and refuses a chapter with two of one profession', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const archive = parseArchive(await demoText());
    await importArchive(db, archive);
    const [row] = await db.execute<{ seats: number }>(sql`
      select count(*)::int as seats from group_members gm join groups g on g.id = gm.group_id
      where g.one_per_profession and gm.profession_seat is not null`);
    expect(row!.seats).toBe(archive.groups.find((g) => g.onePerProfession)!.members.length);
    await conn.end();

    const fresh = await emptyDatabase();
    const clash = parseArchive(await demoText());
    const chapter = clash.groups.find((g) => g.onePerProfession)!;
    const [a, b] = chapter.members.map((m) => clash.members.find((x) => x.key === m.member)!);
    b!.profession = a!.profession;
    await expect(importArchive(fresh.db, clash)).rejects.toThrow(/two of its members share a profession/);
    expect(await counts(fresh.db)).toEqual({ members: 0, groups: 0, threads: 0, posts: 0 });
    await fresh.sql.end();
  });
});

describe('archive profile fields', () => {
  it('round-trips profiles and group places', async () => {
    const { db, sql: conn } = await emptyDatabase();
    const archive: ArchiveInput = {
      format: 'cercle-archive',
      version: 1,
      members: [{ key: 'm1', email: 'rania@example.test', name: 'Rania', profession: 'Notary', company: 'Étude Rania', city: 'Fès', country: 'Morocco',
        languages: ['ar', 'fr'], bio: 'Notaire depuis 2010.', website: 'https://rania.example', socialLinks: ['https://linkedin.example/rania'] }],
      groups: [{ key: 'g1', slug: 'fes-club', name: 'Fès club', description: 'x', city: 'Fès', region: 'Fès-Meknès', visibility: 'public', joinPolicy: 'open',
        onePerProfession: false, parent: null, members: [{ member: 'm1', role: 'owner' }] }],
      threads: [],
    };
    await importArchive(db, parseArchive(JSON.stringify(archive)));
    expect(await exportArchive(db)).toEqual(archive);
    await conn.end();
  });
});
