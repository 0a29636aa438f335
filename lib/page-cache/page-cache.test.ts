import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_STATUS_HEADER, type MemberAudience, PageCache, SHARED_PAGE_HEADER } from './page-cache';

/**
 * The cache in front of a stand-in for Next.js that numbers every page it renders, so a
 * test sees whether a reader got a fresh render or a kept one.
 */
let clock = 0;
let renders = 0;
let server: Server;
let origin: string;
/** Sessions of the stand-in: the token names the groups its member reads and moderates; "closed" is no live session. */
const audienceLookups: string[] = [];
async function audienceOf(token: string): Promise<MemberAudience | null> {
  audienceLookups.push(token);
  const [readableGroups, moderatedGroups = ''] = token.split('-')[0]!.split('/');
  return token === 'closed' ? null : { locale: null, readableGroups: readableGroups!, moderatedGroups };
}
const cache = new PageCache({ ttlMs: 10_000, now: () => clock, audienceOf });

beforeAll(async () => {
  server = createServer((req, res) => {
    cache.handle(req, res, () => {
      renders++;
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'POST') return void res.writeHead(303, { location: '/t/1' }).end();
      if (url.searchParams.has('cookie')) res.setHeader('set-cookie', 'next-auth.csrf-token=abc');
      res.statusCode = url.searchParams.has('missing') ? 404 : 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.write(`<p>render ${renders}${req.headers[SHARED_PAGE_HEADER] === 'member' ? ' shared' : ''}</p>`);
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
  audienceLookups.length = 0;
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

  it('never gives its page to a reader with a session, or any cookie it does not know', async () => {
    await read('/t/1');
    expect((await read('/t/1', { cookie: 'next-auth.session-token=abc' })).cache).toBe('miss');
    expect((await read('/t/1', { cookie: 'NEXT_LOCALE=fr; __Secure-next-auth.session-token=abc' })).cache).toBe('miss');
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

describe('pages shared among members', () => {
  const member = (token: string, extra = '') => ({ cookie: `next-auth.session-token=${token}${extra}` });

  it('serves a search page to the next member who reads the same groups, rendered without anyone’s own items', async () => {
    const first = await read('/search?q=x', member('1,2-alice'));
    const second = await read('/search?q=x', member('1,2-bob'));
    expect(first).toMatchObject({ status: 200, cache: 'miss' });
    expect(first.body).toContain('shared');
    expect(second).toEqual({ ...first, cache: 'hit' });
  });

  it('keeps members who read or moderate other groups, and signed-out readers, apart', async () => {
    const alice = await read('/search?q=x', member('1,2-alice'));
    const carol = await read('/search?q=x', member('1-carol'));
    const moderator = await read('/search?q=x', member('1,2/2-dan'));
    const anonymous = await read('/search?q=x');
    expect([carol.cache, moderator.cache, anonymous.cache]).toEqual(['miss', 'miss', 'miss']);
    expect(new Set([alice.body, carol.body, moderator.body, anonymous.body]).size).toBe(4);
    expect(anonymous.body).not.toContain('shared');
  });

  it('renders a closed session’s page for it alone, and never shares pages that are a member’s own (a quote in the making)', async () => {
    await read('/search?q=x', member('closed'));
    const again = await read('/search?q=x', member('closed'));
    expect(again.cache).toBeNull();
    expect(again.body).not.toContain('shared');
    for (const path of ['/t/1?quote=2', '/', '/settings/profile']) {
      await read(path, member('1-alice'));
      expect((await read(path, member('1-alice'))).cache, path).toBeNull();
    }
    expect((await read('/search?q=x', member('1-alice', '; tracking=1'))).cache).toBeNull();
  });

  it('looks a session up again after a write, so a member who joined a group stops getting the pages of those who had not', async () => {
    await read('/search?q=x', member('1-alice'));
    await read('/search?q=x', member('1-alice'));
    expect(audienceLookups).toEqual(['1-alice']);
    await fetch(origin + '/g/x/join', { method: 'POST', redirect: 'manual' });
    expect((await read('/search?q=x', member('1-alice'))).cache).toBe('miss');
    expect(audienceLookups).toEqual(['1-alice', '1-alice']);
  });

  it('never takes the shared-page signal from the client', async () => {
    const page = await read('/t/1', { [SHARED_PAGE_HEADER]: 'member' });
    expect(page.body).not.toContain('shared');
  });
});

describe('thread pages shared among members', () => {
  const member = (token: string) => ({ cookie: `next-auth.session-token=${token}` });

  it('shares each page of a thread, and keeps it through a member recording what they read', async () => {
    await read('/t/1?page=2', member('1-alice'));
    await fetch(origin + '/api/threads/1/reading', { method: 'POST', redirect: 'manual' });
    expect((await read('/t/1?page=2', member('1-bob'))).cache).toBe('hit');
    expect((await read('/t/1', member('1-bob'))).cache).toBe('miss');
  });

  it('forgets them on any other write', async () => {
    await read('/t/1', member('1-alice'));
    await fetch(origin + '/api/threads/1/posts', { method: 'POST', redirect: 'manual' });
    expect((await read('/t/1', member('1-bob'))).cache).toBe('miss');
  });
});
