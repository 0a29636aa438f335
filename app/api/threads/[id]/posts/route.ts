import { routeCtx, signedInRouteCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonBody, jsonResponse } from '@/lib/http';
import { createReply } from '@/lib/posts/create-reply';
import { getThreadPage } from '@/lib/threads/get-thread-page';
import { threadPostUrl } from '@/lib/threads/urls';
import { idParam } from '../../../../route-params';

type Params = { params: Promise<{ id: string }> };

/** A page of a thread's posts as JSON: `?page=N`. */
export async function GET(request: Request, { params }: Params) {
  try {
    const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
    const view = await getThreadPage(await routeCtx(request), idParam((await params).id), page);
    return jsonResponse(
      {
        thread: { id: view.thread.id, title: view.thread.title, closed: view.thread.closed, replyCount: view.thread.replyCount },
        group: { slug: view.group.slug, name: view.group.name },
        page: view.page,
        pageCount: view.pageCount,
        posts: view.posts.map(({ canEdit: _, ...post }) => post),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** Replies to the thread: `{ body, replyToNumber?, idempotencyKey? }`. */
export async function POST(request: Request, { params }: Params) {
  try {
    const input = { ...(await jsonBody(request)), threadId: (await params).id };
    const ref = await createReply(await signedInRouteCtx(request), input);
    return jsonResponse({ ...ref, url: threadPostUrl(ref.threadId, ref.number) }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
