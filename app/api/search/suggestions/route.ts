import { routeCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonResponse } from '@/lib/http';
import { suggestThreads } from '@/lib/search/search-archive';
import { suggestionsJson } from '@/lib/search/search-json';

/** `?q=…`: threads matching what has been typed so far, the last word as a prefix. */
export async function GET(request: Request) {
  try {
    const input = Object.fromEntries(new URL(request.url).searchParams);
    const results = await suggestThreads(await routeCtx(request), input);
    return jsonResponse(suggestionsJson(results), { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
