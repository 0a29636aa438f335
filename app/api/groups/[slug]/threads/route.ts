import { routeCtx, signedInRouteCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonBody, jsonResponse } from '@/lib/http';
import { createThread } from '@/lib/threads/create-thread';
import { listThreads } from '@/lib/threads/list-threads';
import { threadPostUrl } from '@/lib/threads/urls';

type Params = { params: Promise<{ slug: string }> };

/** A group's threads, latest activity first: `?after=<cursor>` for the next page. */
export async function GET(request: Request, { params }: Params) {
  try {
    const after = new URL(request.url).searchParams.get('after') ?? undefined;
    const { group, threads, nextCursor } = await listThreads(await routeCtx(request), (await params).slug, after);
    return jsonResponse(
      { group: { slug: group.slug, name: group.name }, threads, nextCursor },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** Starts a thread: `{ title, body, idempotencyKey? }`. */
export async function POST(request: Request, { params }: Params) {
  try {
    const input = { ...(await jsonBody(request)), groupSlug: (await params).slug };
    const ref = await createThread(await signedInRouteCtx(request), input);
    return jsonResponse({ ...ref, url: threadPostUrl(ref.threadId, ref.number) }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
