import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, OPEN_GROUP, uniqueUser } from './fixtures';
import { submitSignIn } from './pages/auth';
import { GroupPage } from './pages/GroupPage';
import { SearchPage } from './pages/SearchPage';

test('switching to Arabic mirrors the layout, and an Arabic post reads right to left', async ({ member, newVisitor }, testInfo) => {
  const { page } = member;
  await page.goto(`/g/${OPEN_GROUP}`);
  await new GroupPage(page).join();
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // The navigation now starts at the right edge: the brand sits right of the menu.
  const brand = await page.getByRole('link', { name: 'Cercle' }).boundingBox();
  const nav = await page.getByRole('navigation').first().boundingBox();
  expect(brand!.x).toBeGreaterThan(nav!.x);
  await testInfo.attach('group page in Arabic', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // The choice is the member's: signing in from another browser brings it back.
  const other = await newVisitor();
  await submitSignIn(other.page, member.user.email, member.user.password);
  await expect(other.page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(other.page.locator('#language-switcher')).toHaveValue('ar');

  // An Arabic thread, with an English product name inside the sentence.
  await page.goto(`/g/${OPEN_GROUP}/new`);
  await page.locator('#thread-title').fill('مرحبا بالجميع في النادي');
  await page.locator('textarea[name="body"]').fill('أبحث عن شريك يستخدم Acme CRM في الدار البيضاء.');
  await page.locator('main form button[type="submit"]').first().click();
  await expect(page).toHaveURL(/\/t\/\d+\?page=1#p1$/);
  const body = page.locator('article#p1 .post-body');
  await expect(body).toHaveAttribute('dir', 'auto');
  await expect(body).toHaveAttribute('lang', 'ar');
  await expect(body).toContainText('Acme CRM');
  expect(await body.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await testInfo.attach('Arabic thread', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Found by an Arabic search for another form of a word in it: الشريك (with the article) finds شريك.
  const threadId = Number(/\/t\/(\d+)/.exec(page.url())![1]);
  const search = new SearchPage(page);
  await search.expectToFind('الشريك', threadId);
  await expect(search.results.locator(`a[href^="/t/${threadId}?"]`).first().locator('xpath=ancestor::li').locator('.snippet mark')).toHaveText('شريك');
  await testInfo.attach('Arabic search', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('the browser language is used until someone chooses', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'ru-RU', extraHTTPHeaders: { 'Accept-Language': 'ru-RU,ru;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await context.close();
});

test('refusals come in the reader\'s language, from forms and from the API', async ({ page, context, baseURL, request }) => {
  const catalogue = (locale: string) => JSON.parse(readFileSync(path.join('i18n/domain-messages', `${locale}.json`), 'utf8')) as Record<string, string>;
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
  const user = { ...uniqueUser('Court'), password: 'abcde' };
  await page.goto('/sign-up');
  await page.locator('#sign-up-name').fill(user.name);
  await page.locator('#sign-up-email').fill(user.email);
  await page.locator('#sign-up-password').fill(user.password);
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(catalogue('fr')['Passwords need at least {1} characters.']!.replace('{1}', '10'));

  const unknown = await request.get('/api/threads/2000000000/posts', { headers: { 'Accept-Language': 'ru' } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: catalogue('ru')['No such thread.'] });
});

test('a Hindi reader chooses Devanagari digits, and counts are written with them', async ({ page }) => {
  await page.goto('/t/33');
  await page.getByLabel('Language').selectOption('hi');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  const digits = page.locator('#numerals-switcher');
  await expect(digits).toHaveValue('latn');
  await digits.selectOption('deva');
  await page.locator('form').filter({ has: digits }).getByRole('button').click();
  await expect(digits).toHaveValue('deva');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.locator('main .badges .meta')).toHaveText(/[०-९]/);
  await expect(page.locator('main .badges .meta')).not.toHaveText(/[0-9]/);
});
