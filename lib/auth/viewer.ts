import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Ctx, SignedInCtx, Viewer } from '../context';
import { UnauthenticatedError } from '../errors';
import { viewerOfCookies } from './route-viewer';

/** The member making this request (a page's or a server action's), or null; checked against member_sessions once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  return viewerOfCookies({ get: (name) => jar.get(name)?.value });
});

export async function requestCtx(): Promise<Ctx> {
  return { db: getDb(), viewer: await getViewer() };
}

export async function signedInCtx(): Promise<SignedInCtx> {
  const ctx = await requestCtx();
  if (!ctx.viewer) throw new UnauthenticatedError();
  return { ...ctx, viewer: ctx.viewer };
}
