import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, OPEN_GROUP } from './fixtures';
import { GroupPage } from './pages/GroupPage';
import { NewThreadPage } from './pages/NewThreadPage';
import { SearchPage } from './pages/SearchPage';

/** A made-up word no other test (or earlier run) writes: letters only, so stemmers keep it whole. */
function uniqueWord(): string {
  return `qv${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
}

test('a newcomer searches from any page: "/" focuses the box, suggestions follow the typing, arrows and Enter open one', async ({ member, newVisitor }) => {
  const word = uniqueWord();
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const threadId = await new NewThreadPage(member.page).open(OPEN_GROUP).then((p) => p.create(`Partnership ${word} programme`, 'Details inside.'));

  const { page } = await newVisitor();
  const search = new SearchPage(page);
  await search.expectToFind(word, threadId);
  await page.goto(`/g/${OPEN_GROUP}`);
  // Until the page has hydrated, the key press may go nowhere: press until the box has focus.
  await expect(async () => {
    await page.locator('body').press('/');
    await expect(search.headerBox).toBeFocused({ timeout: 500 });
  }).toPass();
  await search.headerBox.pressSequentially(word.slice(0, -2));
  await expect(search.suggestions.getByRole('option')).toHaveCount(1);
  await expect(search.suggestions.getByRole('option').locator('mark')).toHaveText(word);
  await search.headerBox.press('ArrowDown');
  await expect(search.suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await search.headerBox.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/t/${threadId}\\?page=1#p1$`));

  // Enter without choosing a suggestion opens the full results, at an address to share.
  await search.headerBox.fill(word);
  await search.headerBox.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(search.count).toHaveText('1 thread found');
  await expect(search.results.first().locator('h3 mark')).toHaveText(word);
});

test('filters work as controls and as query syntax, and the address keeps them', async ({ page }) => {
  const search = new SearchPage(page);
  await search.open('réseau');
  await expect(search.results.first()).toBeVisible();
  await expect(search.results.first().locator('mark').first()).toHaveText(/réseau/i);
  const all = await search.results.count();

  await page.getByLabel('Titles only').check();
  await page.getByLabel('Sort by').selectOption('newest');
  await page.locator('.search-form button[type="submit"]').click();
  await expect(page).toHaveURL(/in=title/);
  await expect(page).toHaveURL(/sort=newest/);
  const inTitles = await search.results.count();
  expect(inTitles).toBeLessThan(all);
  for (const title of await search.results.locator('h3').all()) await expect(title.locator('mark')).not.toHaveCount(0);

  // The same filter typed into the query, and syntax that means nothing is just text.
  await search.open('réseau in:title');
  await expect(search.results).toHaveCount(inTitles);
  await search.open('réseau colour:blue before:someday');
  await expect(search.count).toHaveText('No threads found');
});

test('a word posted in a private group reaches no outsider: page, JSON API and suggestions', async ({ demoMember, newVisitor, request }) => {
  const word = uniqueWord();
  const owner = await demoMember('amina.haddad@example.test');
  const threadId = await new NewThreadPage(owner).open('casablanca-business-referral-chapter').then((p) => p.create(`Board ${word} minutes`, `Confidential: ${word}.`));
  await new SearchPage(owner).expectToFind(word, threadId);

  const { page: outsider } = await newVisitor();
  await new SearchPage(outsider).open(word);
  await expect(new SearchPage(outsider).count).toHaveText('No threads found');
  await expect(outsider.getByText(`Board ${word}`)).toHaveCount(0);

  const api = await (await request.get(`/api/search?q=${word}`)).json();
  expect(api).toMatchObject({ total: 0, hits: [] });
  const scoped = await (await request.get(`/api/search?q=${word}&group=casablanca-business-referral-chapter`)).json();
  expect(scoped).toMatchObject({ total: 0, hits: [] });
  const suggestions = await (await request.get(`/api/search/suggestions?q=${word.slice(0, -2)}`)).json();
  expect(suggestions.suggestions).toEqual([]);

  // The member's own session sees it through the API too, with the fields integrations use.
  const mine = await (await owner.request.get(`/api/search?q=${word}`)).json();
  expect(mine.hits[0]).toMatchObject({
    thread: { id: threadId, title: `Board ${word} minutes` },
    post: { number: 1, url: `/t/${threadId}?page=1#p1` },
    group: { slug: 'casablanca-business-referral-chapter' },
    author: { name: 'Amina Haddad' },
  });
  expect(mine.hits[0].snippetHtml).toContain(`<mark>${word}</mark>`);
});

test('members who read the same groups share a kept search page, each seeing their own name, and a private group’s member keeps theirs', async ({ member, newMember, demoMember }) => {
  const word = uniqueWord();
  const insider = await demoMember('amina.haddad@example.test');
  const threadId = await new NewThreadPage(insider).open('casablanca-business-referral-chapter').then((p) => p.create(`Budget ${word}`, `Private: ${word}.`));
  const other = await newMember();
  // Every write by the other tests empties the cache, and a search takes a while to render:
  // a later load is a hit, not necessarily the next.
  const keptFor = async (page: Page) => (await page.goto(`/search?q=${word}`))?.headers()['x-cercle-cache'];
  await expect.poll(() => keptFor(other.page), { timeout: 30_000 }).toBe('hit');
  await expect(other.page.getByText(`Signed in as ${other.user.name}`)).toBeVisible();
  await expect.poll(() => keptFor(member.page), { timeout: 30_000 }).toBe('hit');
  await expect(member.page.getByText(`Signed in as ${member.user.name}`)).toBeVisible();
  expect(await member.page.content()).not.toContain(other.user.name);
  await expect(new SearchPage(member.page).count).toHaveText('No threads found');
  await new SearchPage(insider).expectToFind(word, threadId);
});
