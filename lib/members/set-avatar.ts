import { eq, sql } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { memberAvatars, members } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { InvalidInputError } from '../errors';
import { assertUnderLimit, recordHit } from '../rate-limit';
import { parseInput } from '../validate';
import { AVATAR_FORMATS, AVATAR_MAX_BYTES, AVATAR_MAX_PIXELS, AVATAR_SIZE, AVATAR_UPLOAD_LIMIT } from './profile-rules';
import { avatarUrl } from './urls';

const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' && value !== null && typeof (value as Blob).arrayBuffer === 'function' && typeof (value as Blob).size === 'number';

/** A File from a form's FormData (what a server action receives), or any Blob. */
export const setAvatarSchema = z.object({ avatar: z.custom<Blob>(isBlob, 'Choose an image to upload.') });

const MEGABYTES = AVATAR_MAX_BYTES / (1024 * 1024);
const refuse = (message: string) => new InvalidInputError(message, { avatar: [message] });
const NOT_AN_IMAGE = 'Choose a JPEG, PNG, GIF or WebP image.';

/**
 * The file's own first bytes, checked before any decoder sees it: whatever the name or the
 * declared type say, only these four formats reach libvips (no SVG, PDF, TIFF or HEIF parser).
 */
function sniffFormat(bytes: Buffer): (typeof AVATAR_FORMATS)[number] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** The stored avatar: 256 × 256, cropped to fill, WebP, upright, with every byte of metadata (EXIF, GPS, XMP, ICC) gone. */
async function toAvatar(bytes: Buffer): Promise<Buffer> {
  if (!sniffFormat(bytes)) throw refuse(NOT_AN_IMAGE);
  let meta: Metadata;
  try {
    // Reads the header only: the dimensions are known before anything is decoded.
    meta = await sharp(bytes).metadata();
  } catch {
    throw refuse(NOT_AN_IMAGE);
  }
  if (!(AVATAR_FORMATS as readonly string[]).includes(meta.format ?? '')) throw refuse(NOT_AN_IMAGE);
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > AVATAR_MAX_PIXELS) throw refuse(`That image is too large: avatars are limited to ${AVATAR_MAX_PIXELS / 1_000_000} megapixels.`);
  try {
    return await sharp(bytes, { limitInputPixels: AVATAR_MAX_PIXELS })
      // Turn the pixels upright by the EXIF orientation now, since the orientation tag itself is dropped.
      .autoOrient()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
      // No withMetadata()/keepMetadata(): sharp strips all metadata by default, which is what we want.
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    // Truncated or corrupt files (and the pixel limit, as a backstop) end here.
    throw refuse('That image could not be read: it may be damaged. Try another file.');
  }
}

/**
 * Sets the signed-in member's avatar from uploaded bytes. Everything that can refuse (size,
 * format, pixel count, decoding) happens before the database is touched, and the write is one
 * transaction: a refused upload leaves the previous avatar exactly as it was.
 */
export async function setAvatar(ctx: SignedInCtx, input: unknown): Promise<{ avatarUrl: string }> {
  const { avatar } = parseInput(setAvatarSchema, input);
  if (avatar.size === 0) throw refuse('Choose an image to upload.');
  // Checked on the declared size first, so an oversized upload is never read into memory here.
  if (avatar.size > AVATAR_MAX_BYTES) throw refuse(`Avatars are limited to ${MEGABYTES} MB.`);
  const bucket = `avatar:member:${ctx.viewer.id}`;
  await assertUnderLimit(ctx.db, bucket, AVATAR_UPLOAD_LIMIT, 'Too many avatar uploads.');
  await recordHit(ctx.db, bucket, AVATAR_UPLOAD_LIMIT);
  const bytes = Buffer.from(await avatar.arrayBuffer());
  if (bytes.length > AVATAR_MAX_BYTES) throw refuse(`Avatars are limited to ${MEGABYTES} MB.`);
  const image = await toAvatar(bytes);

  const updatedAt = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(memberAvatars)
      .values({ memberId: ctx.viewer.id, image, contentType: 'image/webp', updatedAt: sql`now()` })
      .onConflictDoUpdate({ target: memberAvatars.memberId, set: { image, contentType: 'image/webp', updatedAt: sql`now()` } });
    // now() is the transaction's start time: the same instant in both rows.
    const [row] = await tx
      .update(members)
      .set({ avatarUpdatedAt: sql`now()` })
      .where(eq(members.id, ctx.viewer.id))
      .returning({ avatarUpdatedAt: members.avatarUpdatedAt });
    return row?.avatarUpdatedAt ?? null;
  });
  return { avatarUrl: avatarUrl(ctx.viewer.id, updatedAt)! };
}
