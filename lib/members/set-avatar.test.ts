import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createMember, testDb, viewerOf } from '@/db/test/factories';
import { memberAvatars, members } from '@/db/schema';
import { InvalidInputError, NotFoundError } from '../errors';
import { getAvatar } from './get-avatar';
import { removeAvatar } from './remove-avatar';
import { setAvatar } from './set-avatar';

const as = (member: { id: number; name: string }) => ({ db: testDb(), viewer: viewerOf(member) });
const file = (bytes: Buffer | string, name: string, type: string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#1f6f8b' } });

async function storedAvatar(memberId: number) {
  const [row] = await testDb().select().from(memberAvatars).where(eq(memberAvatars.memberId, memberId));
  return row ?? null;
}

async function avatarUpdatedAt(memberId: number) {
  const [row] = await testDb().select({ at: members.avatarUpdatedAt }).from(members).where(eq(members.id, memberId));
  return row!.at;
}

/** A member who already has an avatar, to check that refused uploads leave it alone. */
async function memberWithAvatar() {
  const member = await createMember();
  await setAvatar(as(member), { avatar: file(await solid(300, 300).png().toBuffer(), 'me.png', 'image/png') });
  return { member, before: await storedAvatar(member.id), at: await avatarUpdatedAt(member.id) };
}

describe('setAvatar', () => {
  it('stores a PNG as a 256 × 256 WebP and records when', async () => {
    const member = await createMember();
    const { avatarUrl } = await setAvatar(as(member), { avatar: file(await solid(800, 600).png().toBuffer(), 'photo.png', 'image/png') });
    const stored = (await storedAvatar(member.id))!;
    expect(stored.contentType).toBe('image/webp');
    const meta = await sharp(stored.image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
    const at = await avatarUpdatedAt(member.id);
    expect(at).toBeInstanceOf(Date);
    expect(avatarUrl).toBe(`/m/${member.id}/avatar?v=${at!.getTime()}`);
    expect((await getAvatar({ db: testDb(), viewer: null }, member.id)).image.equals(stored.image)).toBe(true);
  });

  it('strips EXIF and every other piece of metadata from a JPEG', async () => {
    const member = await createMember();
    const jpeg = await solid(640, 480)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret', Artist: 'Secret Person' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect(jpeg.includes('secret')).toBe(true);
    await setAvatar(as(member), { avatar: file(jpeg, 'camera.jpg', 'image/jpeg') });
    const stored = (await storedAvatar(member.id))!;
    const meta = await sharp(stored.image).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(stored.image.includes('secret')).toBe(false);
    expect(stored.image.includes('Secret Person')).toBe(false);
  });

  it('takes GIF and WebP too, whatever the file is called', async () => {
    const member = await createMember();
    await setAvatar(as(member), { avatar: file(await solid(50, 80).gif().toBuffer(), 'no-extension', '') });
    await setAvatar(as(member), { avatar: file(await solid(2000, 100).webp().toBuffer(), 'photo.jpg', 'image/jpeg') });
    const meta = await sharp((await storedAvatar(member.id))!.image).metadata();
    expect([meta.width, meta.height]).toEqual([256, 256]);
  });

  it('replaces an avatar with a newer one', async () => {
    const { member, before, at } = await memberWithAvatar();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setAvatar(as(member), { avatar: file(await sharp({ create: { width: 400, height: 400, channels: 3, background: '#ff0000' } }).png().toBuffer(), 'red.png', 'image/png') });
    expect((await storedAvatar(member.id))!.image.equals(before!.image)).toBe(false);
    expect((await avatarUpdatedAt(member.id))!.getTime()).toBeGreaterThan(at!.getTime());
  });

  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>';
  it.each([
    ['a 20 MB upload', async () => file(Buffer.alloc(20 * 1024 * 1024, 0xff), 'huge.png', 'image/png'), /limited to 4 MB/],
    ['a text file named .png', async () => file('just some text, honestly', 'avatar.png', 'image/png'), /JPEG, PNG, GIF or WebP/],
    ['a PNG signature followed by junk', async () => file(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('junk'.repeat(50))]), 'fake.png', 'image/png'), /JPEG, PNG, GIF or WebP/],
    ['an SVG', async () => file(svg, 'avatar.svg', 'image/svg+xml'), /JPEG, PNG, GIF or WebP/],
    ['an SVG named .png', async () => file(svg, 'avatar.png', 'image/png'), /JPEG, PNG, GIF or WebP/],
    ['a TIFF', async () => file(await solid(100, 100).tiff().toBuffer(), 'scan.tiff', 'image/tiff'), /JPEG, PNG, GIF or WebP/],
    ['a PNG over 40 megapixels', async () => file(await solid(8000, 6000).png({ compressionLevel: 9 }).toBuffer(), 'bomb.png', 'image/png'), /40 megapixels/],
    ['a truncated JPEG', async () => file((await solid(600, 600).jpeg().toBuffer()).subarray(0, 400), 'cut.jpg', 'image/jpeg'), /could not be read/],
    ['an empty file', async () => file('', 'empty.png', 'image/png'), /Choose an image/],
    ['something that is not a file', async () => 'data:image/png;base64,iVBORw0KGgo=', /Choose an image/],
  ])('refuses %s and keeps the old avatar', async (_, make, message) => {
    const { member, before, at } = await memberWithAvatar();
    const error = await setAvatar(as(member), { avatar: await make() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors.avatar?.join(' ')).toMatch(message);
    const after = (await storedAvatar(member.id))!;
    expect(after.image.equals(before!.image)).toBe(true);
    expect(after.updatedAt).toEqual(before!.updatedAt);
    expect(await avatarUpdatedAt(member.id)).toEqual(at);
  });

  it('refuses a first upload that is not an image without creating anything', async () => {
    const member = await createMember();
    await expect(setAvatar(as(member), { avatar: file('<?php echo 1; ?>', 'shell.gif', 'image/gif') })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await storedAvatar(member.id)).toBeNull();
    expect(await avatarUpdatedAt(member.id)).toBeNull();
  });
});

describe('removeAvatar and getAvatar', () => {
  it('removes the avatar, and says not found for members without one', async () => {
    const { member } = await memberWithAvatar();
    await removeAvatar(as(member));
    expect(await storedAvatar(member.id)).toBeNull();
    expect(await avatarUpdatedAt(member.id)).toBeNull();
    await expect(getAvatar({ db: testDb(), viewer: null }, member.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeAvatar(as(member))).resolves.toBeUndefined();
    await expect(getAvatar({ db: testDb(), viewer: null }, 2 ** 31 - 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('removes only the signed-in member’s own avatar', async () => {
    const { member: owner, before } = await memberWithAvatar();
    const other = await createMember();
    await removeAvatar(as(other));
    expect((await storedAvatar(owner.id))!.image.equals(before!.image)).toBe(true);
  });
});
