import { getDb } from '@/db/client';
import { errorResponse } from '@/lib/http';
import { getAvatar } from '@/lib/members/get-avatar';
import { idParam } from '../../../route-params';

type Params = { params: Promise<{ id: string }> };

/**
 * A member's avatar. Asked without a viewer on purpose: avatars are as public as profiles,
 * and the answer is cached publicly, so it must not vary with who asks. The address carries
 * the avatar's version (?v=), so a day's caching never shows an old photo after a change.
 */
export async function GET(request: Request, { params }: Params) {
  try {
    const avatar = await getAvatar({ db: getDb(), viewer: null }, idParam((await params).id));
    return new Response(new Uint8Array(avatar.image), {
      headers: {
        // Always the type we wrote, never one taken from the upload.
        'Content-Type': 'image/webp',
        'Content-Length': String(avatar.image.length),
        'Cache-Control': 'public, max-age=86400',
        'Last-Modified': avatar.updatedAt.toUTCString(),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
