import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Ctx, SignedInCtx, Viewer } from '../context';
import { UnauthenticatedError } from '../errors';
import { authOptions } from './auth-options';
import { viewerOfSession } from './sessions';

/** The member making this request, or null; checked against member_sessions once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  return viewerOfSession(getDb(), session?.sid);
});

export async function requestCtx(): Promise<Ctx> {
  return { db: getDb(), viewer: await getViewer() };
}

export async function signedInCtx(): Promise<SignedInCtx> {
  const ctx = await requestCtx();
  if (!ctx.viewer) throw new UnauthenticatedError();
  return { ...ctx, viewer: ctx.viewer };
}
