import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Serious and critical axe violations on the page as it stands, summarised for the failure message. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PUBLIC_PAGES = ['/', '/g/global-founders-online-club', '/t/33', '/search?q=r%C3%A9seau', '/search', '/sign-in', '/sign-up', '/members', '/m/1', '/g/casablanca-business-referral-chapter', '/no-such-page', '/unsubscribe?token=forged-token'];

for (const path of PUBLIC_PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('member and moderator pages have no serious accessibility violations', async ({ demoMember }) => {
  const owner = await demoMember('amina.haddad@example.test');
  for (const path of ['/settings/profile', '/g/casablanca-business-referral-chapter/manage', '/g/casablanca-business-referral-chapter/settings', '/g/casablanca-business-referral-chapter/members', '/g/casablanca-business-referral-chapter/new', '/g/casablanca-business-referral-chapter/log', '/g/casablanca-business-referral-chapter/flags', '/t/1', '/t/1/split', '/settings/moderation', '/bookmarks', '/m/2', '/notifications', '/settings/notifications']) {
    await owner.goto(path);
    expect(await seriousViolations(owner), path).toEqual([]);
  }
});

test('the main pages in Arabic (right to left) have no serious accessibility violations', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ar', url: baseURL! }]);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
