import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LOCALE_COOKIE, pickLocale } from '@/i18n/locales';
import { SESSION_COOKIES } from '@/lib/auth/session-cookie';
import { NUMERALS_COOKIE } from '@/lib/members/numerals';
import { THEME_COOKIE } from '@/lib/members/theme';
import { parseCookies } from '@/lib/cookie-header';

/**
 * Signed-out readers are most of a forum's traffic and all see the same pages, so the
 * server keeps each rendered page a few seconds and hands it to the next signed-out
 * reader of the same URL in the same language, digits and theme (what Discourse's
 * anonymous cache does). Search and thread pages are the same for every member who may
 * read and moderate the same groups once the member's own items (name, unread count, what
 * they may do with each post) are left to the browser; those are shared among exactly such
 * members. Never for a request carrying an unknown cookie, and never a response that sets a
 * cookie or is not a plain 200 page.
 * Any state-changing request handled by this process empties it, at its start and at
 * its end, so a reader never sees an older page after a write here; writes made by
 * another process (the external worker, a second server) show within the time to live.
 *
 * A cached page keeps the CSP nonce it was rendered with. That gives nothing away: the
 * nonce only covers the markup rendered with it, every URL has its own render, and new
 * content can only reach a page through a write, which discards the page and its nonce.
 */

/** Pages whose content is the same for every signed-out reader of the same URL. */
const ANONYMOUS_PATHS = [/^\/$/, /^\/g\/[^/]+$/, /^\/t\/\d+$/, /^\/m\/\d+$/, /^\/members$/, /^\/search$/];
/**
 * Pages whose content is the same for every member who may read (and moderate) the same
 * groups. A thread page only with `?page=`: a quote (`?quote=`) is the member's own reply.
 */
const MEMBER_PATHS = [/^\/search$/, /^\/t\/\d+$/];
const THREAD_PATH = /^\/t\/\d+$/;
/** Writes that change nothing any shared page shows: a member's read marks. */
const PRIVATE_WRITES = [/^\/api\/threads\/\d+\/reading$/];

/** Cookies a signed-out reader's page may depend on; the first three are part of the key. */
const KEY_COOKIES = [LOCALE_COOKIE, NUMERALS_COOKIE, THEME_COOKIE];
const HARMLESS_COOKIES = new Set([...KEY_COOKIES, 'next-auth.csrf-token', '__Host-next-auth.csrf-token', 'next-auth.callback-url', '__Secure-next-auth.callback-url']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Headers of Next.js's client-side navigation, whose answers are RSC payloads, not pages. */
const NAVIGATION_HEADERS = ['rsc', 'next-action', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch'];

export const CACHE_STATUS_HEADER = 'x-cercle-cache';
/**
 * Set (never taken from the client) on a request whose page will be shared among members:
 * the page then leaves out what is the member's own (app/shared-page.ts).
 */
export const SHARED_PAGE_HEADER = 'x-cercle-shared-page';

/** What a member's shared pages depend on: their chosen language and the groups they may read and moderate (ids, in order). */
export type MemberAudience = { locale: string | null; readableGroups: string; moderatedGroups: string };
/** The audience of a session cookie's member, or null when it is not a live session. */
export type AudienceOf = (sessionToken: string) => Promise<MemberAudience | null>;

const MAX_AUDIENCES = 10_000;

type CachedPage = { headers: OutgoingHttpHeaders; body: Buffer; storedAt: number };

export type PageCacheOptions = {
  /** How long a page is served from memory; 0 turns the cache off. */
  ttlMs: number;
  /** Memory the pages may take; the oldest go first. */
  maxBytes?: number;
  now?: () => number;
  /** Without it, requests with a session are never answered from memory. */
  audienceOf?: AudienceOf;
};

type PageRequest = { url: URL; jar: Map<string, string>; sessionToken: string | null };

/** A GET of a whole page whose cookies are all known, or null when its answer may not be shared. */
function pageRequest(req: IncomingMessage): PageRequest | null {
  if (req.method !== 'GET' || !req.url) return null;
  if (NAVIGATION_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  const url = new URL(req.url, 'http://cercle.invalid');
  if (url.searchParams.has('_rsc')) return null;
  const jar = parseCookies(req.headers.cookie);
  let sessionToken: string | null = null;
  for (const [name, value] of jar) {
    if (SESSION_COOKIES.includes(name)) sessionToken = value;
    else if (!HARMLESS_COOKIES.has(name)) return null;
  }
  if (sessionToken === null) return ANONYMOUS_PATHS.some((p) => p.test(url.pathname)) ? { url, jar, sessionToken } : null;
  if (!MEMBER_PATHS.some((p) => p.test(url.pathname))) return null;
  if (THREAD_PATH.test(url.pathname) && [...url.searchParams.keys()].some((name) => name !== 'page')) return null;
  return { url, jar, sessionToken };
}

function pageKey(req: IncomingMessage, { url, jar }: PageRequest, audience: MemberAudience | null): string {
  const locale = pickLocale(audience?.locale, jar.get(LOCALE_COOKIE), req.headers['accept-language'] ?? null);
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const reader = audience ? `members reading ${audience.readableGroups}, moderating ${audience.moderatedGroups}` : 'anonymous';
  return [reader, locale, jar.get(NUMERALS_COOKIE) ?? '', jar.get(THEME_COOKIE) ?? '', gzip ? 'gzip' : 'identity', url.pathname + url.search].join('\n');
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** Bumped by every write: a page rendered while one was in flight is not kept. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly audienceOf: AudienceOf | null;
  /** Each session's audience, looked up once per generation and time to live. */
  private readonly audiences = new Map<string, { audience: MemberAudience | null; generation: number; at: number }>();

  constructor(options: PageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    this.audienceOf = options.audienceOf ?? null;
  }

  /** Answers from memory when it can; otherwise lets `render` answer and keeps a shareable page. */
  handle(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    delete req.headers[SHARED_PAGE_HEADER];
    if (!SAFE_METHODS.has(req.method ?? 'GET')) {
      if (PRIVATE_WRITES.some((p) => p.test(new URL(req.url ?? '/', 'http://cercle.invalid').pathname))) return render();
      this.clear();
      res.once('close', () => this.clear());
      return render();
    }
    const page = this.ttlMs > 0 ? pageRequest(req) : null;
    if (page === null) return render();
    const { sessionToken } = page;
    if (sessionToken === null) return this.serve(pageKey(req, page, null), this.generation, res, render);
    const audienceOf = this.audienceOf;
    if (audienceOf === null) return render();
    // The generation the audience was read in: a page rendered after a later write (a member
    // joining a group) must not be kept under the groups they could read before it.
    const startedIn = this.generation;
    this.audience(sessionToken, audienceOf).then(
      (audience) => {
        if (audience === null) return render();
        req.headers[SHARED_PAGE_HEADER] = 'member';
        this.serve(pageKey(req, page, audience), startedIn, res, render);
      },
      () => render(),
    );
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.audiences.clear();
    this.bytes = 0;
  }

  private serve(key: string, startedIn: number, res: ServerResponse, render: () => void): void {
    const page = this.pages.get(key);
    if (page && this.now() - page.storedAt < this.ttlMs) {
      res.writeHead(200, { ...page.headers, [CACHE_STATUS_HEADER]: 'hit', 'content-length': page.body.length });
      res.end(page.body);
      return;
    }
    if (page) this.forget(key);
    res.setHeader(CACHE_STATUS_HEADER, 'miss');
    this.capture(key, startedIn, res);
    render();
  }

  private async audience(sessionToken: string, audienceOf: AudienceOf): Promise<MemberAudience | null> {
    const known = this.audiences.get(sessionToken);
    if (known && known.generation === this.generation && this.now() - known.at < this.ttlMs) return known.audience;
    const generation = this.generation;
    const audience = await audienceOf(sessionToken);
    if (generation === this.generation) {
      // Sessions come and go: keep the newest few thousand, oldest out first.
      if (this.audiences.size >= MAX_AUDIENCES) this.audiences.delete(this.audiences.keys().next().value!);
      this.audiences.set(sessionToken, { audience, generation, at: this.now() });
    }
    return audience;
  }

  private capture(key: string, startedIn: number, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') collect(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse['end'];
    res.once('finish', () => {
      if (startedIn !== this.generation || !this.shareable(res)) return;
      const headers = res.getHeaders();
      delete headers['transfer-encoding'];
      delete headers[CACHE_STATUS_HEADER];
      this.store(key, { headers, body: Buffer.concat(chunks), storedAt: this.now() });
    });
  }

  private shareable(res: ServerResponse): boolean {
    return res.statusCode === 200 && res.getHeader('set-cookie') === undefined && String(res.getHeader('content-type') ?? '').startsWith('text/html');
  }

  private store(key: string, page: CachedPage): void {
    if (page.body.length > this.maxBytes) return;
    this.forget(key);
    this.pages.set(key, page);
    this.bytes += page.body.length;
    // A Map iterates in insertion order, so the first pages are the oldest.
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.bytes -= page.body.length;
    this.pages.delete(key);
  }
}
