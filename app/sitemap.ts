import type { MetadataRoute } from 'next';
import { getDb } from '@/db/client';
import { siteUrl } from '@/lib/site-url';
import { listPublicUrls } from '@/lib/threads/list-public-urls';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const { groups, threads } = await listPublicUrls(getDb());
  return [
    { url: `${base}/`, changeFrequency: 'daily' },
    ...groups.map((g) => ({ url: `${base}/g/${g.slug}`, lastModified: g.lastPostedAt ?? undefined })),
    ...threads.map((t) => ({ url: `${base}/t/${t.id}`, lastModified: t.lastPostedAt })),
  ];
}
