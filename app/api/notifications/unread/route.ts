import { routeCtx } from '@/lib/auth/route-viewer';
import { unreadCount } from '@/lib/notifications/list-notifications';
import { jsonResponse } from '@/lib/http';

/**
 * The header's unread count, polled by every open page. The ETag is the count itself, so an
 * unchanged count costs a 304 and no body; any app process answers alike (the state is in
 * PostgreSQL), and `private` keeps shared proxies from caching one member's count.
 */
export async function GET(request: Request) {
  const ctx = await routeCtx(request);
  const headers = { 'Cache-Control': 'private, no-cache' };
  if (!ctx.viewer) return jsonResponse({ count: 0 }, { headers });
  const count = await unreadCount({ ...ctx, viewer: ctx.viewer });
  const etag = `"unread-${ctx.viewer.id}-${count}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ...headers, ETag: etag } });
  return jsonResponse({ count }, { headers: { ...headers, ETag: etag } });
}
