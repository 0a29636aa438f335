import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { groups } from '@/db/schema';
import { createGroup, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { createThread } from './create-thread';
import { getThreadPreview } from './get-thread-preview';
import { listPublicUrls } from './list-public-urls';

describe('what leaves the site about threads', () => {
  it('lists public threads in the sitemap, and never private ones or circles of private groups', async () => {
    const open = await createThreadFixture({ visibility: 'public' });
    const closed = await createThreadFixture({ visibility: 'private' });
    const parent = await createGroup({ visibility: 'private' });
    const circle = await createThreadFixture({ visibility: 'public' });
    await testDb().update(groups).set({ parentId: parent.id }).where(eq(groups.id, circle.group.id));
    const listed = await listPublicUrls(testDb());
    const ids = listed.threads.map((t) => t.id);
    expect(ids).toContain(open.thread.id);
    expect(ids).not.toContain(closed.thread.id);
    expect(ids).not.toContain(circle.thread.id);
    expect(listed.groups.map((g) => g.slug)).toContain(open.group.slug);
    expect(listed.groups.map((g) => g.slug)).not.toContain(closed.group.slug);
    expect(listed.groups.map((g) => g.slug)).not.toContain(circle.group.slug);
  });

  it('describes public threads for link previews, and gives a member of a private group no description to leak', async () => {
    const open = await createThreadFixture({ visibility: 'public' });
    const body = `**Looking** for a <notary> & a translator in Fès. ${'More detail. '.repeat(30)}`;
    const { threadId } = await createThread({ db: testDb(), viewer: viewerOf(open.owner) }, { groupSlug: open.group.slug, title: 'Notary wanted', body });
    const preview = await getThreadPreview({ db: testDb(), viewer: null }, threadId);
    expect(preview.public?.description).toMatch(/^Looking for a & a translator in Fès\. More detail/);
    expect(preview.public!.description.length).toBeLessThanOrEqual(200);

    const secret = await createThreadFixture({ visibility: 'private' });
    const memberView = await getThreadPreview({ db: testDb(), viewer: viewerOf(secret.owner) }, secret.thread.id);
    expect(memberView).toEqual({ title: secret.thread.title, public: null });
  });
});
