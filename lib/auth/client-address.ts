type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for per-address limits: the first hop of X-Forwarded-For, which
 * Next.js sets from the socket when no proxy sent one. Behind a proxy that appends
 * to the header, that hop is the proxy's view of the client.
 */
export function clientAddress(headers: HeaderBag): string {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || header(headers, 'x-real-ip') || 'unknown';
}
