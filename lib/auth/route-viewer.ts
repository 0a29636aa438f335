import { getDb } from '@/db/client';
import type { Ctx, SignedInCtx, Viewer } from '../context';
import { parseCookies } from '../cookie-header';
import { UnauthenticatedError } from '../errors';
import { SESSION_COOKIES, sessionIdOf } from './session-cookie';
import { viewerOfSession } from './sessions';

/** The member a set of request cookies names, or null; checked against member_sessions. */
export async function viewerOfCookies(jar: { get(name: string): string | undefined }): Promise<Viewer | null> {
  const token = SESSION_COOKIES.map((name) => jar.get(name)).find((value) => value !== undefined);
  return viewerOfSession(getDb(), await sessionIdOf(token, process.env.NEXTAUTH_SECRET));
}

const viewersOfRequests = new WeakMap<Request, Promise<Viewer | null>>();

/**
 * The member a route handler's request comes from, read off the request's own Cookie header
 * (once per request). Nothing here needs Next.js's request scope, or loads next/headers, so
 * the handlers also run in the server's direct API (lib/direct-api.ts).
 */
export function viewerOfRequest(request: Request): Promise<Viewer | null> {
  let viewer = viewersOfRequests.get(request);
  if (!viewer) {
    viewer = viewerOfCookies(parseCookies(request.headers.get('cookie') ?? undefined));
    viewersOfRequests.set(request, viewer);
  }
  return viewer;
}

/** Who acts in a route handler's request. Pages and server actions use lib/auth/viewer.ts. */
export async function routeCtx(request: Request): Promise<Ctx> {
  return { db: getDb(), viewer: await viewerOfRequest(request) };
}

export async function signedInRouteCtx(request: Request): Promise<SignedInCtx> {
  const ctx = await routeCtx(request);
  if (!ctx.viewer) throw new UnauthenticatedError();
  return { ...ctx, viewer: ctx.viewer };
}
