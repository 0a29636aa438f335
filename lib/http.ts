import { LOCALE_COOKIE, pickLocale, type Locale } from '@/i18n/locales';
import { viewerOfRequest } from './auth/route-viewer';
import { parseCookies } from './cookie-header';
import { DomainError, InvalidInputError, RateLimitedError } from './errors';
import { localizedErrors } from './form-state';

/**
 * The one place a domain error becomes an HTTP answer for route handlers, in the
 * requester's language (their setting, the language cookie, or Accept-Language, as pages
 * choose it); database messages never leave.
 */
export async function errorResponse(error: unknown, request: Request): Promise<Response> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
  const language = await requestLanguage(request);
  if (error instanceof DomainError) return jsonResponse(await localizedErrors(error, language), { status: error.status, headers });
  console.error(error);
  return jsonResponse(await localizedErrors(new DomainError('Internal error.', 500), language), { status: 500, headers });
}

async function requestLanguage(request: Request): Promise<Locale> {
  // The database may be what failed: the member's own setting is then unknown.
  const viewer = await viewerOfRequest(request).catch(() => null);
  const cookie = parseCookies(request.headers.get('cookie') ?? undefined).get(LOCALE_COOKIE);
  return pickLocale(viewer?.locale, cookie, request.headers.get('accept-language'));
}

/** Answers shorter than this go uncompressed. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * JSON for a route handler. Next.js's server gzips every answer to a client that accepts it,
 * even one of 30 bytes (its 1 KB threshold needs a length it is never given), and a fresh
 * deflate stream costs more CPU than so short a body saves in bytes. Short bodies are marked
 * `no-transform`, which it honours.
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (Buffer.byteLength(text) < COMPRESS_FROM_BYTES) headers.set('Cache-Control', [headers.get('Cache-Control'), 'no-transform'].filter(Boolean).join(', '));
  return new Response(text, { status: init.status, headers });
}

/** Reads a JSON request body, answering 400 for anything that is not a JSON object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError('Send a JSON object.');
  return body as Record<string, unknown>;
}
