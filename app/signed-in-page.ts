import { redirect } from 'next/navigation';
import { requestCtx } from '@/lib/auth/viewer';
import type { SignedInCtx } from '@/lib/context';

/** For a page only a signed-in member may see: their context, or off to sign in and back to `path`. */
export async function signedInPage(path: string): Promise<SignedInCtx> {
  const ctx = await requestCtx();
  if (!ctx.viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return { ...ctx, viewer: ctx.viewer };
}
