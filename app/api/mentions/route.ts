import { signedInRouteCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonResponse } from '@/lib/http';
import { mentionableMembers } from '@/lib/notifications/mentionable-members';

/** `?thread=<id>` or `?group=<slug>`, and `q=…`: members who could be `@mentioned` there, for the composer. */
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const members = await mentionableMembers(await signedInRouteCtx(request), {
      threadId: params.get('thread') ?? undefined,
      groupSlug: params.get('group') ?? undefined,
      q: params.get('q') ?? '',
    });
    // Who belongs to a private group is private: never kept by a shared cache.
    return jsonResponse({ members }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
