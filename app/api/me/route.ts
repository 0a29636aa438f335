import { routeCtx } from '@/lib/auth/route-viewer';
import { memberSummary } from '@/lib/members/member-summary';
import { jsonResponse } from '@/lib/http';

/** Who is signed in and their unread count, for the header of a page shared among members (app/shared-page.ts). */
export async function GET(request: Request) {
  const ctx = await routeCtx(request);
  const summary = ctx.viewer ? await memberSummary({ ...ctx, viewer: ctx.viewer }) : null;
  return jsonResponse(summary, { headers: { 'Cache-Control': 'private, no-store' } });
}
