/**
 * `npm run bench:thread`: how long a thread page takes to load, for a 10-post and a
 * 10,000-post thread, first and last page, anonymous and signed in. Runs against a
 * scratch embedded database so it never touches the forum's own data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { connect } from '../db/client';
import { startEmbedded } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { groupMembers, groups, members, threads } from '../db/schema';
import type { Viewer } from '../lib/context';
import { getThreadPage, pageOfPost } from '../lib/threads/get-thread-page';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'cercle-bench-'));
const server = await startEmbedded({ dataDir: dir, port: 54_390 + Math.floor(Math.random() * 100) });
const { sql: pg, db } = connect(server.url, 4);
try {
  await runMigrations(db);
  const [member] = await db.insert(members).values({ email: 'bench@example.test', name: 'Bench Member' }).returning();
  const [group] = await db.insert(groups).values({ slug: 'bench', name: 'Bench' }).returning();
  await db.insert(groupMembers).values({ groupId: group!.id, memberId: member!.id });

  async function threadWith(postCount: number) {
    const [thread] = await db
      .insert(threads)
      .values({ groupId: group!.id, authorId: member!.id, title: `${postCount} posts`, lastPostNumber: postCount, replyCount: postCount - 1 })
      .returning();
    await db.execute(sql`
      insert into posts (thread_id, number, author_id, body, body_html, created_at)
      select ${thread!.id}, n, ${member!.id}, 'Reply ' || n || ' with **some** text', '<p>Reply ' || n || ' with <strong>some</strong> text</p>',
             now() - make_interval(mins => ${postCount} - n)
      from generate_series(1, ${postCount}) n`);
    return { id: thread!.id, posts: postCount };
  }
  const small = await threadWith(10);
  const large = await threadWith(10_000);
  await db.execute(sql`analyze`);

  const viewer: Viewer = { id: member!.id, name: member!.name, isAdmin: false };
  console.log(`thread page load through getThreadPage, ${ITERATIONS} iterations each (ms)`);
  console.log(['thread', 'page', 'viewer', 'p50', 'p95', 'p99'].map((h) => h.padEnd(12)).join(''));
  for (const thread of [small, large]) {
    for (const page of new Set([1, pageOfPost(thread.posts)])) {
      for (const who of [null, viewer]) {
        const ctx = { db, viewer: who };
        for (let i = 0; i < 50; i++) await getThreadPage(ctx, thread.id, page);
        const times: number[] = [];
        for (let i = 0; i < ITERATIONS; i++) {
          const start = performance.now();
          await getThreadPage(ctx, thread.id, page);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const row = [`${thread.posts} posts`, String(page), who ? 'member' : 'anonymous', ...[50, 95, 99].map((p) => percentile(times, p).toFixed(2))];
        console.log(row.map((c) => c.padEnd(12)).join(''));
      }
    }
  }
} finally {
  await pg.end();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
