import { signedInRouteCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonBody, jsonResponse } from '@/lib/http';
import { readThreadPage } from '@/lib/threads/thread-reading';
import { idParam } from '../../../../route-params';

type Params = { params: Promise<{ id: string }> };

/**
 * A member opened page `{ page }` of a thread shared among members: records it as read and
 * answers their own part of it (components/ThreadReadingProvider.tsx).
 */
export async function POST(request: Request, { params }: Params) {
  try {
    const { page } = await jsonBody(request);
    const reading = await readThreadPage(await signedInRouteCtx(request), idParam((await params).id), Number(page ?? 1));
    return jsonResponse(reading, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
