import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnonymousPageCache, CACHE_STATUS_HEADER } from './anonymous-page-cache';

/**
 * The cache in front of a stand-in for Next.js that numbers every page it renders, so a
 * test sees whether a reader got a fresh render or a kept one.
 */
let clock = 0;
let renders = 0;
let server: Server;
let origin: string;
const cache = new AnonymousPageCache({ ttlMs: 10_000, now: () => clock });

beforeAll(async () => {
  server = createServer((req, res) => {
    cache.handle(req, res, () => {
      renders++;
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'POST') return void res.writeHead(303, { location: '/t/1' }).end();
      if (url.searchParams.has('cookie')) res.setHeader('set-cookie', 'next-auth.csrf-token=abc');
      res.statusCode = url.searchParams.has('missing') ? 404 : 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.write(`<p>render ${renders}</p>`);
      // Next.js streams a page in pieces; the kept copy must hold all of them.
      setTimeout(() => res.end(`<p>${req.headers['accept-language'] ?? ''} end</p>`), 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  clock = 0;
});

async function read(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(origin + path, { headers: { 'accept-encoding': 'identity', ...headers }, redirect: 'manual' });
  return { status: response.status, cache: response.headers.get(CACHE_STATUS_HEADER), body: await response.text() };
}

describe('the anonymous page cache', () => {
  it('serves the next signed-out reader of a thread the page rendered for the first, whole', async () => {
    const first = await read('/t/1');
    const second = await read('/t/1');
    expect(first).toMatchObject({ status: 200, cache: 'miss' });
    expect(second).toEqual({ ...first, cache: 'hit' });
    expect(second.body).toMatch(/^<p>render \d+<\/p><p>.* end<\/p>$/);
  });

  it('renders anew for a reader with a session, or any cookie it does not know', async () => {
    await read('/t/1');
    expect((await read('/t/1', { cookie: 'next-auth.session-token=abc' })).cache).toBeNull();
    expect((await read('/t/1', { cookie: 'NEXT_LOCALE=fr; __Secure-next-auth.session-token=abc' })).cache).toBeNull();
    expect((await read('/t/1', { cookie: 'tracking=1' })).cache).toBeNull();
    expect((await read('/t/1', { cookie: 'next-auth.csrf-token=x' })).cache).toBe('hit');
  });

  it('keeps one page per language, digits and theme', async () => {
    const english = await read('/t/1', { 'accept-language': 'en' });
    const french = await read('/t/1', { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(french.body).not.toBe(english.body);
    expect((await read('/t/1', { 'accept-language': 'en' })).body).toBe(english.body);
    expect((await read('/t/1', { 'accept-language': 'en', cookie: 'NEXT_LOCALE=fr' })).body).toBe(french.body);
    expect((await read('/t/1', { cookie: 'cercle-theme=dark' })).cache).toBe('miss');
    expect((await read('/t/1', { cookie: 'cercle-numerals=arab' })).cache).toBe('miss');
  });

  it('forgets every page when a write comes through, and when a page has lived its time', async () => {
    const before = await read('/t/1');
    await fetch(origin + '/t/1', { method: 'POST', redirect: 'manual' });
    const after = await read('/t/1');
    expect(after.cache).toBe('miss');
    expect(after.body).not.toBe(before.body);
    clock += 10_001;
    expect((await read('/t/1')).cache).toBe('miss');
  });

  it('never keeps a page that sets a cookie, an error page, or a page it does not know to be shared', async () => {
    for (const path of ['/t/1?cookie=1', '/t/1?missing=1', '/sign-in', '/settings/profile', '/t/1/split', '/api/search?q=x']) {
      await read(path);
      expect((await read(path)).cache, path).not.toBe('hit');
    }
  });

  it('never answers a client-side navigation with a page', async () => {
    await read('/t/1');
    expect((await read('/t/1', { rsc: '1' })).cache).toBeNull();
    expect((await read('/t/1?_rsc=abc')).cache).toBeNull();
  });
});
