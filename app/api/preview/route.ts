import { errorResponse, jsonBody, jsonResponse } from '@/lib/http';
import { previewPost } from '@/lib/posts/preview-post';

/** The live preview of the post editor: the same renderer and sanitizer as a saved post. */
export async function POST(request: Request) {
  try {
    return jsonResponse(previewPost(await jsonBody(request)), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
