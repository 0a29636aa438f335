/**
 * The production server answers its busiest JSON routes itself (scripts/serve.ts). These run
 * the app's real route table through it, over HTTP, and check that what a member sees is what
 * Next.js would have given them: the same answers, in their language, and everything else
 * passed on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT_ROUTES } from '@/app/api/direct-routes';
import { posts, threadReads, threads } from '@/db/schema';
import { createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { openSession } from './auth/sessions';
import { createReply } from './posts/create-reply';
import { threadPostUrl } from './threads/urls';
import { directApi } from './direct-api';
import { MAX_REQUEST_BODY_BYTES } from './http';

const SECRET = 'direct-api-test-secret';
const passedOn: string[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  const answeredDirectly = directApi(DIRECT_ROUTES);
  server = createServer((req, res) => {
    if (answeredDirectly(req, res)) return;
    passedOn.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sessionCookie(memberId: number): Promise<string> {
  const sid = await openSession(testDb(), memberId);
  return `next-auth.session-token=${await encode({ token: { sid }, secret: SECRET })}`;
}

const replyCount = async (threadId: number) => (await testDb().select({ n: threads.replyCount }).from(threads).where(eq(threads.id, threadId)))[0]!.n;

describe('the direct API', () => {
  it('takes a member’s reply and answers with its address', async () => {
    const { owner, thread } = await createThreadFixture();
    const response = await fetch(`${origin}/api/threads/${thread.id}/posts`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(owner.id), 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Our next meeting is on **Tuesday**.' }),
    });
    expect(response.status).toBe(201);
    const ref = (await response.json()) as { postId: number; number: number; url: string };
    expect(ref).toMatchObject({ threadId: thread.id, number: 2, url: threadPostUrl(thread.id, 2) });
    const [post] = await testDb().select({ bodyHtml: posts.bodyHtml }).from(posts).where(eq(posts.id, ref.postId));
    expect(post!.bodyHtml).toContain('<strong>Tuesday</strong>');
  });

  it('refuses in the requester’s language, writing nothing', async () => {
    const { thread } = await createThreadFixture();
    const anonymous = await fetch(`${origin}/api/threads/${thread.id}/posts`, {
      method: 'POST',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      body: JSON.stringify({ body: 'Hello' }),
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toBe('Veuillez d’abord vous connecter.');

    const member = await createMember({ locale: 'ru' });
    const empty = await fetch(`${origin}/api/threads/${thread.id}/posts`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(member.id), 'accept-language': 'en' },
      body: JSON.stringify({ body: '   ' }),
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/[а-я]/i);
    expect(await replyCount(thread.id)).toBe(0);
  });

  it('refuses a body past the limit in the member’s language, writing nothing, and keeps the connection usable', async () => {
    const { thread } = await createThreadFixture();
    const member = await createMember({ locale: 'fr' });
    const cookie = await sessionCookie(member.id);
    const huge = await fetch(`${origin}/api/threads/${thread.id}/posts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'a'.repeat(2 * MAX_REQUEST_BODY_BYTES) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toBe('Cette requête est trop volumineuse : envoyez au plus 1 Mo.');
    expect(await replyCount(thread.id)).toBe(0);
    const unread = await fetch(`${origin}/api/notifications/unread`, { headers: { cookie } });
    expect(unread.status).toBe(200);
  });

  it('records what a member read and answers their part of the page, gzipped for a client that accepts it', async () => {
    const { owner, thread } = await createThreadFixture();
    for (let n = 1; n <= 8; n++) await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: `Minutes of meeting ${n}` });
    const cookie = await sessionCookie(owner.id);
    const read = (encoding: string) =>
      fetch(`${origin}/api/threads/${thread.id}/reading`, { method: 'POST', headers: { cookie, 'accept-encoding': encoding }, body: JSON.stringify({ page: 1 }) });

    const gzipped = await read('gzip, deflate');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const reading = (await gzipped.json()) as { posts: Record<string, { isOwn: boolean; canEdit: boolean }> };
    expect(Object.values(reading.posts)).toHaveLength(9);
    expect(Object.values(reading.posts).every((post) => post.isOwn && post.canEdit)).toBe(true);
    const [mark] = await testDb().select({ n: threadReads.lastReadPostNumber }).from(threadReads).where(and(eq(threadReads.threadId, thread.id), eq(threadReads.memberId, owner.id)));
    expect(mark!.n).toBe(9);

    const plain = await read('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(reading);
  });

  it('starts a thread in a group named in the address', async () => {
    const { group, owner } = await createThreadFixture();
    const response = await fetch(`${origin}/api/groups/${encodeURIComponent(group.slug)}/threads`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(owner.id) },
      body: JSON.stringify({ title: 'Venue for the spring dinner', body: 'Any ideas?' }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { number: number }).number).toBe(1);
  });

  it('answers an unchanged unread count with 304 and no body', async () => {
    const cookie = await sessionCookie((await createMember()).id);
    const first = await fetch(`${origin}/api/notifications/unread`, { headers: { cookie } });
    expect(await first.json()).toEqual({ count: 0 });
    const again = await fetch(`${origin}/api/notifications/unread`, { headers: { cookie, 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('passes on what it does not take: other methods, other routes, malformed addresses', async () => {
    passedOn.length = 0;
    await fetch(`${origin}/api/threads/1/posts?page=2`);
    await fetch(`${origin}/api/threads/1/posts/`, { method: 'POST', body: '{}' });
    await fetch(`${origin}/api/groups/%E0%A4/threads`, { method: 'POST', body: '{}' });
    await fetch(`${origin}/t/1`);
    expect(passedOn).toEqual(['GET /api/threads/1/posts?page=2', 'POST /api/threads/1/posts/', 'POST /api/groups/%E0%A4/threads', 'GET /t/1']);
  });
});
