import type { DirectRoute, RouteHandler } from '@/lib/direct-api';
import * as groupThreads from './groups/[slug]/threads/route';
import * as health from './health/route';
import * as unreadNotifications from './notifications/unread/route';
import * as threadPosts from './threads/[id]/posts/route';
import * as threadReading from './threads/[id]/reading/route';

// Next.js types each handler's params exactly; the direct API hands them over by name alike.
const handler = (fn: unknown) => fn as RouteHandler;

/**
 * The routes the production server answers before Next.js (lib/direct-api.ts): the busiest ones,
 * whose answers are at most a few KB. Paths and parameter names are those of the folders here.
 */
export const DIRECT_ROUTES: DirectRoute[] = [
  { method: 'POST', path: '/api/threads/:id/posts', handler: handler(threadPosts.POST) },
  // Every signed-in view of a thread page asks for it (components/ThreadReadingProvider.tsx).
  { method: 'POST', path: '/api/threads/:id/reading', handler: handler(threadReading.POST) },
  { method: 'POST', path: '/api/groups/:slug/threads', handler: handler(groupThreads.POST) },
  { method: 'GET', path: '/api/notifications/unread', handler: handler(unreadNotifications.GET) },
  { method: 'GET', path: '/api/health', handler: handler(health.GET) },
];
