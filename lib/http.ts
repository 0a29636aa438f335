import { LOCALE_COOKIE, pickLocale, type Locale } from '@/i18n/locales';
import { viewerOfRequest } from './auth/route-viewer';
import { parseCookies } from './cookie-header';
import { DomainError, InvalidInputError, PayloadTooLargeError, RateLimitedError } from './errors';
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

/** Answers shorter than this go uncompressed (here, and in lib/direct-api.ts). */
export const COMPRESS_FROM_BYTES = 1024;

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

/**
 * The most a JSON request may send: several times the largest post (32,000 characters, at most
 * 128 KB of UTF-8) with its title. Neither Next.js nor Node.js limits a route handler's body,
 * and one held whole in memory is a way to exhaust the server's.
 */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

/** The body as text, refused (413) past MAX_REQUEST_BODY_BYTES: by its declared length before any of it is read, else as it arrives. */
async function boundedText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length')) > MAX_REQUEST_BODY_BYTES) throw new PayloadTooLargeError(MAX_REQUEST_BODY_BYTES);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_REQUEST_BODY_BYTES) {
      await reader.cancel();
      throw new PayloadTooLargeError(MAX_REQUEST_BODY_BYTES);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON request body, answering 413 past MAX_REQUEST_BODY_BYTES and 400 for anything that is not a JSON object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await boundedText(request);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: refused below with the same message as JSON that is not an object.
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError('Send a JSON object.');
  return body as Record<string, unknown>;
}
