import { expect, test, OPEN_GROUP } from './fixtures';
import { GroupPage } from './pages/GroupPage';

test('keyboard: j and k move between posts, r goes to the reply box, ? lists the shortcuts', async ({ member }) => {
  const { page } = member;
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  await page.goto('/t/33?page=1');
  // The shortcuts listen once the page is hydrated: press until the first post takes focus.
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(page.locator('article#p1')).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('j');
  await expect(page.locator('article#p2')).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator('article#p1')).toBeFocused();
  // The reply box is the member's own part of the page, which their browser asks for.
  await expect(page.locator('.reply-form textarea')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.locator('.reply-form textarea')).toBeFocused();
  // Typing in the reply box is text, not shortcuts.
  await page.keyboard.type('jk?');
  await expect(page.locator('.reply-form textarea')).toHaveValue('jk?');
  await page.locator('.reply-form textarea').blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Next post');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('dark mode follows the device, and can be chosen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, colorScheme: 'dark' });
  const page = await context.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto('/');
  expect(await background()).toBe('rgb(21, 23, 27)');
  await page.getByLabel('Appearance').selectOption('light');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe('rgb(251, 250, 247)');
  await page.reload();
  expect(await background()).toBe('rgb(251, 250, 247)');
  await context.close();
});

test('no page scrolls sideways on a 360-pixel phone, in English or Arabic', async ({ browser, baseURL }) => {
  for (const locale of ['en', 'ar']) {
    const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    const page = await context.newPage();
    for (const path of ['/', `/g/${OPEN_GROUP}`, '/t/33', '/members', '/m/1', '/sign-up']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${locale} ${path}`).toBeLessThanOrEqual(360);
    }
    await context.close();
  }
});
