import { NextResponse } from 'next/server';
import { routeCtx } from '@/lib/auth/route-viewer';
import { errorResponse } from '@/lib/http';
import { openNotification } from '@/lib/notifications/list-notifications';

type Params = { params: Promise<{ id: string }> };

/** Marks the notification read and goes to what it is about; signed out, to sign-in first. */
export async function GET(request: Request, { params }: Params) {
  const ctx = await routeCtx(request);
  const { id } = await params;
  if (!ctx.viewer) return NextResponse.redirect(new URL(`/sign-in?callbackUrl=/notifications/open/${encodeURIComponent(id)}`, request.url));
  try {
    const href = await openNotification({ ...ctx, viewer: ctx.viewer }, { id });
    return NextResponse.redirect(new URL(href, request.url));
  } catch (error) {
    return errorResponse(error, request);
  }
}
