import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Ctx, SignedInCtx, Viewer } from '../context';
import { UnauthenticatedError } from '../errors';
import { SESSION_COOKIES, sessionIdOf } from './session-cookie';
import { viewerOfSession } from './sessions';

/** The member making this request, or null; checked against member_sessions once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find((value) => value !== undefined);
  return viewerOfSession(getDb(), await sessionIdOf(token, process.env.NEXTAUTH_SECRET));
});

export async function requestCtx(): Promise<Ctx> {
  return { db: getDb(), viewer: await getViewer() };
}

export async function signedInCtx(): Promise<SignedInCtx> {
  const ctx = await requestCtx();
  if (!ctx.viewer) throw new UnauthenticatedError();
  return { ...ctx, viewer: ctx.viewer };
}
