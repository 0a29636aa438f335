import type { IncomingMessage, ServerResponse } from 'node:http';
import { localizeMessage } from '@/i18n/domain-messages';
import { LOCALE_COOKIE, pickLocale } from '@/i18n/locales';
import { parseCookies } from '../cookie-header';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request must come from this site's own pages: a foreign Origin, or a
 * browser that says the request is cross-site, is refused. Checked by Cercle's own HTTP
 * server (scripts/serve.ts) for every request, pages, server actions and API alike, before
 * any handler runs; the session cookie being SameSite=Lax is the second line.
 */
export function isCrossSite(req: IncomingMessage): boolean {
  if (!UNSAFE_METHODS.has(req.method ?? 'GET')) return false;
  const origin = req.headers.origin;
  if (origin) {
    const host = req.headers['x-forwarded-host'] ?? req.headers.host;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return req.headers['sec-fetch-site'] === 'cross-site';
}

/** Answers a refused cross-site request, in the language of the requester's browser or language cookie; nothing else runs. */
export async function refuseCrossSite(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = pickLocale(null, parseCookies(req.headers.cookie).get(LOCALE_COOKIE), req.headers['accept-language'] ?? null);
  const error = await localizeMessage('Cross-site requests are refused.', locale);
  res.writeHead(403, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error }));
}

/** Headers every response carries, pages and API alike (pages add their Content-Security-Policy in proxy.ts). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
}
