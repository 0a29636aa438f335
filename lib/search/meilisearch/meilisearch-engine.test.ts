/**
 * The Meilisearch engine against a stand-in server that speaks the few routes it uses and
 * records what it was sent: documents read from PostgreSQL, failed tasks surfacing as
 * errors, the rebuild's swap, and the search request. Ranking and matching are
 * Meilisearch's own and are checked by the search contract when a real server is set.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { posts } from '@/db/schema';
import { createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { createReply } from '../../posts/create-reply';
import { deletePost } from '../../posts/delete-post';
import type { EngineQuery, IndexChanges, SearchEngine } from '../engine';
import { MARK_END, MARK_START } from '../engine';
import { meilisearchEngine } from './meilisearch-engine';
import type { PostDocument } from './post-documents';

type Doc = Partial<PostDocument> & { id: number };
type FakeIndex = { primaryKey: string | undefined; settings: Record<string, unknown>; docs: Map<number, Doc> };
type Task = { uid: number; indexUid: string | null; type: string; status: 'succeeded' | 'failed'; error: { code: string; message: string; type: string; link: string } | null };

/** Just enough of Meilisearch: every task is done the moment it is enqueued. */
class FakeMeilisearch {
  indexes = new Map<string, FakeIndex>();
  tasks: Task[] = [];
  searches: Record<string, unknown>[] = [];
  answer: (request: Record<string, unknown>) => Record<string, unknown>[] = () => [];
  failDocuments = false;
  private server: Server = createServer((req, res) => {
    void this.handle(req).then(([status, body]) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private task(indexUid: string | null, type: string, errorCode?: string): [number, unknown] {
    const error = errorCode ? { code: errorCode, message: `${errorCode} (fake)`, type: 'invalid_request', link: '' } : null;
    const task: Task = { uid: this.tasks.length, indexUid, type, status: error ? 'failed' : 'succeeded', error };
    this.tasks.push(task);
    return [202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body: unknown = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    const path = new URL(req.url!, 'http://fake').pathname.split('/').filter(Boolean);
    const route = `${req.method} /${path.map((part, i) => (i === 1 && path[0] !== 'swap-indexes' ? ':x' : part)).join('/')}`;
    const uid = path[1]!;
    const index = this.indexes.get(uid);
    switch (route) {
      case 'GET /tasks/:x':
        return [200, this.tasks[Number(uid)]];
      case 'POST /indexes': {
        const { uid: created, primaryKey } = body as { uid: string; primaryKey: string };
        if (this.indexes.has(created)) return this.task(created, 'indexCreation', 'index_already_exists');
        this.indexes.set(created, { primaryKey, settings: {}, docs: new Map() });
        return this.task(created, 'indexCreation');
      }
      case 'GET /indexes/:x':
        return index ? [200, { uid, primaryKey: index.primaryKey }] : [404, { code: 'index_not_found', message: 'not found', type: 'invalid_request', link: '' }];
      case 'DELETE /indexes/:x':
        return this.indexes.delete(uid) ? this.task(uid, 'indexDeletion') : this.task(uid, 'indexDeletion', 'index_not_found');
      case 'PATCH /indexes/:x/settings':
        if (!index) return this.task(uid, 'settingsUpdate', 'index_not_found');
        index.settings = { ...index.settings, ...(body as object) };
        return this.task(uid, 'settingsUpdate');
      case 'POST /indexes/:x/documents':
      case 'PUT /indexes/:x/documents': {
        if (this.failDocuments || !index) return this.task(uid, 'documentAdditionOrUpdate', 'internal');
        for (const doc of body as Doc[]) index.docs.set(doc.id, req.method === 'PUT' ? { ...index.docs.get(doc.id), ...doc } : doc);
        return this.task(uid, 'documentAdditionOrUpdate');
      }
      case 'POST /indexes/:x/documents/delete-batch':
        for (const id of body as number[]) index?.docs.delete(id);
        return this.task(uid, 'documentDeletion');
      case 'POST /indexes/:x/documents/delete': {
        const threads = /^threadId IN \[(.*)\]$/.exec((body as { filter: string }).filter)![1]!.split(', ').map(Number);
        for (const doc of index?.docs.values() ?? []) if (threads.includes(doc.threadId!)) index!.docs.delete(doc.id);
        return this.task(uid, 'documentDeletion');
      }
      case 'POST /swap-indexes': {
        const [a, b] = (body as { indexes: [string, string] }[])[0]!.indexes;
        const [first, second] = [this.indexes.get(a)!, this.indexes.get(b)!];
        this.indexes.set(a, second).set(b, first);
        return this.task(null, 'indexSwap');
      }
      case 'POST /indexes/:x/search': {
        this.searches.push(body as Record<string, unknown>);
        const hits = this.answer(body as Record<string, unknown>);
        return [200, { hits, query: '', processingTimeMs: 1, hitsPerPage: 20, page: 1, totalPages: 1, totalHits: hits.length }];
      }
      default:
        return [404, { code: 'not_found', message: route, type: 'invalid_request', link: '' }];
    }
  }
}

const fake = new FakeMeilisearch();
let engine: SearchEngine;
const LIVE = `posts_${process.pid}`;

beforeAll(async () => {
  process.env.MEILI_HOST = await fake.start();
  process.env.MEILI_INDEX = LIVE;
  engine = meilisearchEngine();
});

afterAll(() => fake.stop());

beforeEach(() => {
  fake.failDocuments = false;
});

const apply = (changes: IndexChanges) => testDb().transaction((tx) => engine.apply(tx, changes));
const live = () => fake.indexes.get(LIVE)!;

describe('meilisearch engine', () => {
  it('prepares its index once, and again on every start without complaint', async () => {
    await engine.prepare();
    await engine.prepare();
    expect(live().primaryKey).toBe('id');
    expect(live().settings).toMatchObject({
      searchableAttributes: ['title', 'body'],
      filterableAttributes: expect.arrayContaining(['groupId', 'threadId', 'isOpening', 'closed']),
      localizedAttributes: [{ attributePatterns: ['title', 'body'], locales: ['eng', 'fra', 'rus', 'ara', 'hin'] }],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    });
  });

  it('sends visible posts as documents, deletes the rest, and keeps reply counts current', async () => {
    await engine.prepare();
    const { group, owner, thread, openingPostId } = await createThreadFixture();
    await apply({ postIds: [openingPostId], threadIds: [] });
    const [{ language } = { language: null }] = await testDb().select({ language: posts.language }).from(posts).where(eq(posts.id, openingPostId));
    expect(live().docs.get(openingPostId)).toEqual({
      id: openingPostId,
      threadId: thread.id,
      groupId: group.id,
      authorId: owner.id,
      postedAt: Math.floor(thread.createdAt.getTime() / 1000),
      isOpening: true,
      title: 'Looking for a notary',
      body: 'Who knows a good notary?',
      language,
      replyCount: 0,
      closed: false,
      pinned: false,
      archived: false,
    });

    const reply = await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'Try **Maître** [Dupont](https://example.test).' });
    await apply({ postIds: [reply.postId], threadIds: [] });
    expect(live().docs.get(reply.postId)).toMatchObject({ isOpening: false, body: 'Try Maître Dupont.', replyCount: 1 });
    expect(live().docs.get(openingPostId)).toMatchObject({ replyCount: 1, body: 'Who knows a good notary?' });

    await deletePost({ db: testDb(), viewer: viewerOf(owner) }, { postId: reply.postId });
    await apply({ postIds: [reply.postId], threadIds: [] });
    expect(live().docs.has(reply.postId)).toBe(false);
    expect(live().docs.get(openingPostId)).toMatchObject({ replyCount: 0 });
  });

  it('fails when Meilisearch fails a task, so the outbox rows are kept for a retry', async () => {
    await engine.prepare();
    const { openingPostId } = await createThreadFixture();
    fake.failDocuments = true;
    await expect(apply({ postIds: [openingPostId], threadIds: [] })).rejects.toThrow(/documentAdditionOrUpdate.*failed/);
  });

  it('rebuilds into a fresh index and swaps it in, writing updates to both meanwhile', async () => {
    await engine.prepare();
    const { openingPostId } = await createThreadFixture();
    live().docs.set(-1, { id: -1 });
    const seen: [number, number][] = [];
    await engine.reindex(testDb(), (done, total) => seen.push([done, total]));
    expect(live().docs.has(-1)).toBe(false);
    expect(live().docs.get(openingPostId)).toMatchObject({ title: 'Looking for a notary' });
    expect(fake.indexes.has(`${LIVE}_rebuild`)).toBe(false);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);

    fake.indexes.set(`${LIVE}_rebuild`, { primaryKey: 'id', settings: {}, docs: new Map() });
    await apply({ postIds: [openingPostId], threadIds: [] });
    expect(fake.indexes.get(`${LIVE}_rebuild`)!.docs.has(openingPostId)).toBe(true);
    fake.indexes.delete(`${LIVE}_rebuild`);
  });

  it('filters every search by the readable groups and maps the highlighted hits', async () => {
    const { thread, openingPostId } = await createThreadFixture();
    const query: EngineQuery = {
      terms: [
        { text: 'notary', phrase: false, excluded: false },
        { text: 'real estate', phrase: true, excluded: false },
        { text: 'paris', phrase: false, excluded: true },
      ],
      groupIds: [3, 4],
      authorIds: [7],
      after: '2024-01-01',
      before: '2024-02-01',
      status: 'open',
      inTitle: true,
      order: 'newest',
      prefix: false,
      offset: 40,
      limit: 20,
    };
    const title = `Looking for a ${MARK_START}notary${MARK_END}`;
    const snippet = `Who knows a good ${MARK_START}notary${MARK_END}?`;
    fake.answer = () => [{ id: openingPostId, threadId: thread.id, _formatted: { id: String(openingPostId), threadId: String(thread.id), title, body: snippet } }];
    const result = await engine.search(testDb(), query);
    expect(fake.searches.at(-1)).toMatchObject({
      q: 'notary "real estate" -paris',
      filter: ['groupId IN [3, 4]', 'authorId IN [7]', 'postedAt >= 1704067200', 'postedAt < 1706745600', 'isOpening = true', 'closed = false', 'archived = false'],
      sort: ['postedAt:desc', 'id:desc'],
      distinct: 'threadId',
      matchingStrategy: 'all',
      attributesToSearchOn: ['title'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      hitsPerPage: 20,
      page: 3,
    });
    expect(result).toEqual({ hits: [{ postId: openingPostId, title, snippet }], total: 1, capped: false });

    const searches = fake.searches.length;
    expect(await engine.search(testDb(), { ...query, groupIds: [] })).toEqual({ hits: [], total: 0, capped: false });
    expect(fake.searches).toHaveLength(searches);
  });

  it('shows the best remaining post of a thread whose best post was deleted after it was indexed', async () => {
    const { group, owner, thread, openingPostId } = await createThreadFixture();
    const reply = await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'A notary in Lyon' });
    await deletePost({ db: testDb(), viewer: viewerOf(owner) }, { postId: reply.postId });
    const hit = (id: number) => ({ id, threadId: thread.id, _formatted: { title: 'Looking for a notary', body: `post ${id}` } });
    fake.answer = (request) => (request.distinct ? [hit(reply.postId)] : [hit(reply.postId), hit(openingPostId)]);
    const query: EngineQuery = { terms: [{ text: 'notary', phrase: false, excluded: false }], groupIds: [group.id], inTitle: false, order: 'relevance', prefix: false, offset: 0, limit: 20 };
    const result = await engine.search(testDb(), query);
    expect(result.hits).toEqual([{ postId: openingPostId, title: 'Looking for a notary', snippet: `post ${openingPostId}` }]);
    const retry = fake.searches.at(-1)!;
    expect(retry).toMatchObject({ filter: [`groupId IN [${group.id}]`, `threadId = ${thread.id}`], hitsPerPage: 2, page: 1 });
    expect(retry).not.toHaveProperty('distinct');
  });
});
