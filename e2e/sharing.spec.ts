import { expect, test } from './fixtures';

const CHAPTER = 'casablanca-business-referral-chapter';

test('public threads get link previews and a sitemap entry; private ones get neither, even for members', async ({ page, request, demoMember }) => {
  await page.goto('/t/33');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Welcome to Global Founders/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');

  const amina = await demoMember('amina.haddad@example.test');
  const { threads } = (await (await amina.request.get(`/api/groups/${CHAPTER}/threads`)).json()) as { threads: { id: number }[] };
  const secret = threads[0]!.id;
  await amina.goto(`/t/${secret}`);
  await expect(amina.locator('meta[property="og:title"]')).toHaveCount(0);
  await expect(amina.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/t/33</loc>');
  expect(sitemap).toContain('/g/global-founders-online-club</loc>');
  expect(sitemap).not.toContain(`/t/${secret}</loc>`);
  expect(sitemap).not.toContain(CHAPTER);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap:');
  expect(robots).toContain('Disallow: /api/');
});
