import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { PayloadTooLargeError } from './errors';
import { COMPRESS_FROM_BYTES, errorResponse, MAX_REQUEST_BODY_BYTES } from './http';
import { siteUrl } from './site-url';

/** A route handler as app/api exports it: a Web request in, a Web response out. */
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `path` names its parameters as `:name`, which the handler receives as Next.js would give them. */
export type DirectRoute = { method: 'GET' | 'POST'; path: string; handler: RouteHandler };

type CompiledRoute = DirectRoute & { pattern: RegExp };

function compile(route: DirectRoute): CompiledRoute {
  const pattern = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return { ...route, pattern: new RegExp(`^${pattern}$`) };
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, one);
  }
  return headers;
}

/**
 * The body, or null as soon as it is longer than MAX_REQUEST_BODY_BYTES (jsonBody's limit,
 * enforced here too because this holds the body whole before the handler runs). The rest is
 * still read, unkept, so the connection stays usable for the client's next request.
 */
function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(req.headers['content-length']) > MAX_REQUEST_BODY_BYTES) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY_BYTES) chunks.push(chunk);
      else resolve(null);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** What Next.js's compression uses too: zlib's default trades little size for much speed at these lengths. */
const GZIP_LEVEL = 6;

/**
 * Whether to gzip this answer, as Next.js's server would: the client accepts it, the body is long
 * enough to gain, and the handler neither encoded it already nor asked for it unchanged.
 */
function compressible(req: IncomingMessage, response: Response, body: Buffer): boolean {
  if (body.length < COMPRESS_FROM_BYTES || response.headers.has('content-encoding')) return false;
  if (/\bno-transform\b/.test(response.headers.get('cache-control') ?? '')) return false;
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

async function answer(route: CompiledRoute, params: Record<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const sent = req.method === 'GET' ? undefined : await readBody(req);
    // The site's own address, never the client's Host header.
    const request = new Request(new URL(req.url ?? '/', siteUrl()), { method: req.method, headers: requestHeaders(req), body: sent });
    const response = sent === null ? await errorResponse(new PayloadTooLargeError(MAX_REQUEST_BODY_BYTES), request) : await route.handler(request, { params: Promise.resolve(params) });
    const body = Buffer.from(await response.arrayBuffer());
    const payload = compressible(req, response, body) ? gzipSync(body, { level: GZIP_LEVEL }) : body;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    if (payload !== body) res.setHeader('content-encoding', 'gzip');
    if (body.length >= COMPRESS_FROM_BYTES) res.setHeader('vary', 'accept-encoding');
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.writeHead(response.status, { 'content-length': payload.length });
    res.end(payload);
  } catch (error) {
    // Handlers answer their own errors; this is a fault of the adapter itself.
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Internal error.' }));
  }
}

/** Null for a malformed escape, which Next.js answers with its own error page. */
function decodedParams(raw: Record<string, string>): Record<string, string> | null {
  try {
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return null;
  }
}

/**
 * The JSON API routes the production server answers itself, before Next.js (scripts/serve.ts).
 * Next.js costs about 1.2 ms of CPU per request around a route handler (request and response
 * adapters, web streams, tracing, async context): of a reply's 3.1 ms in the server process,
 * whose one thread bounds how many replies per second it takes. The
 * handlers are the app's own route handlers, run the same way; a request no route here takes
 * goes on to Next.js. Answers of 1 KB and more are gzipped for clients that accept it, as
 * Next.js does; in one go, not streamed, so the routes here are those with answers of a few KB.
 */
export function directApi(routes: DirectRoute[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const compiled = routes.map(compile);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    for (const route of compiled) {
      const match = route.method === req.method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const params = decodedParams(match.groups ?? {});
      if (!params) return false;
      void answer(route, params, req, res);
      return true;
    }
    return false;
  };
}
