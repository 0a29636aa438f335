import { routeCtx } from '@/lib/auth/route-viewer';
import { errorResponse, jsonResponse } from '@/lib/http';
import { searchArchive } from '@/lib/search/search-archive';
import { searchResultsJson } from '@/lib/search/search-json';

/** `?q=…&group=…&author=…&after=…&before=…&status=…&in=title&sort=…&page=…`: what this viewer may read, nothing else. */
export async function GET(request: Request) {
  try {
    const input = Object.fromEntries(new URL(request.url).searchParams);
    const results = await searchArchive(await routeCtx(request), input);
    return jsonResponse(searchResultsJson(results), { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
