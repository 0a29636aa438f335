import type { IncomingMessage } from 'node:http';

/** Set by Cercle's own HTTP server on every request; a value sent by the client is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-cercle-client-address';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * Decides the client's address for per-address limits: the socket's peer, or, behind a
 * proxy we were told to trust (CERCLE_TRUST_PROXY=true), the last X-Forwarded-For hop,
 * which that proxy appended. The first hops are whatever the client claimed, so they never count.
 */
export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
  const address = (trustProxy ? hops.at(-1) : undefined) ?? req.socket.remoteAddress ?? 'unknown';
  req.headers[CLIENT_ADDRESS_HEADER] = address;
}

export function clientAddress(headers: HeaderBag): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) || 'unknown';
}
