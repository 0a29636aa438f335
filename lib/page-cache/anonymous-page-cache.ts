import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LOCALE_COOKIE, pickLocale } from '@/i18n/locales';
import { NUMERALS_COOKIE } from '@/lib/members/numerals';
import { THEME_COOKIE } from '@/lib/members/theme';

/**
 * Signed-out readers are most of a forum's traffic and all see the same pages, so the
 * server keeps each rendered page a few seconds and hands it to the next signed-out
 * reader of the same URL in the same language, digits and theme (what Discourse's
 * anonymous cache does). Never for a request carrying any other cookie — a session
 * cookie above all — and never a response that sets a cookie or is not a plain 200 page.
 * Any state-changing request handled by this process empties it, at its start and at
 * its end, so a reader never sees an older page after a write here; writes made by
 * another process (the external worker, a second server) show within the time to live.
 *
 * A cached page keeps the CSP nonce it was rendered with. That gives nothing away: the
 * nonce only covers the markup rendered with it, every URL has its own render, and new
 * content can only reach a page through a write, which discards the page and its nonce.
 */

/** Pages whose content is the same for every signed-out reader of the same URL. */
const CACHEABLE_PATHS = [/^\/$/, /^\/g\/[^/]+$/, /^\/t\/\d+$/, /^\/m\/\d+$/, /^\/members$/, /^\/search$/];

/** Cookies a signed-out reader's page may depend on; the first three are part of the key. */
const KEY_COOKIES = [LOCALE_COOKIE, NUMERALS_COOKIE, THEME_COOKIE];
const HARMLESS_COOKIES = new Set([...KEY_COOKIES, 'next-auth.csrf-token', '__Host-next-auth.csrf-token', 'next-auth.callback-url', '__Secure-next-auth.callback-url']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Headers of Next.js's client-side navigation, whose answers are RSC payloads, not pages. */
const NAVIGATION_HEADERS = ['rsc', 'next-action', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch'];

export const CACHE_STATUS_HEADER = 'x-cercle-cache';

type CachedPage = { headers: OutgoingHttpHeaders; body: Buffer; storedAt: number };

export type AnonymousPageCacheOptions = {
  /** How long a page is served from memory; 0 turns the cache off. */
  ttlMs: number;
  /** Memory the pages may take; the oldest go first. */
  maxBytes?: number;
  now?: () => number;
};

function parseCookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

/** The key a signed-out page request is cached under, or null when its answer may not be shared. */
export function anonymousPageKey(req: IncomingMessage): string | null {
  if (req.method !== 'GET' || !req.url) return null;
  if (NAVIGATION_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  const url = new URL(req.url, 'http://cercle.invalid');
  if (url.searchParams.has('_rsc') || !CACHEABLE_PATHS.some((p) => p.test(url.pathname))) return null;
  const jar = parseCookies(req.headers.cookie);
  for (const name of jar.keys()) if (!HARMLESS_COOKIES.has(name)) return null;
  const locale = pickLocale(undefined, jar.get(LOCALE_COOKIE), req.headers['accept-language'] ?? null);
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  return [locale, jar.get(NUMERALS_COOKIE) ?? '', jar.get(THEME_COOKIE) ?? '', gzip ? 'gzip' : 'identity', url.pathname + url.search].join('\n');
}

export class AnonymousPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** Bumped by every write: a page rendered while one was in flight is not kept. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: AnonymousPageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** Answers from memory when it can; otherwise lets `render` answer and keeps a shareable page. */
  handle(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    if (!SAFE_METHODS.has(req.method ?? 'GET')) {
      this.clear();
      res.once('close', () => this.clear());
      return render();
    }
    const key = this.ttlMs > 0 ? anonymousPageKey(req) : null;
    if (key === null) return render();
    const page = this.pages.get(key);
    if (page && this.now() - page.storedAt < this.ttlMs) {
      res.writeHead(200, { ...page.headers, [CACHE_STATUS_HEADER]: 'hit', 'content-length': page.body.length });
      res.end(page.body);
      return;
    }
    if (page) this.forget(key);
    res.setHeader(CACHE_STATUS_HEADER, 'miss');
    this.capture(key, res);
    render();
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
  }

  private capture(key: string, res: ServerResponse): void {
    const startedIn = this.generation;
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
