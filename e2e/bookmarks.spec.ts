import { expect, test } from './fixtures';
import { ThreadPage } from './pages/ThreadPage';

/** A public demo thread anyone signed in can read. */
const THREAD = 33;

test('a member bookmarks a post with a note and a reminder, finds it on My bookmarks, and removes it', async ({ member }) => {
  const { page } = member;
  const thread = await new ThreadPage(page).open(THREAD);
  const post = thread.post(1);
  const note = `Ask about the notary ${Date.now()}`;

  await post.locator('summary', { hasText: 'Bookmark' }).click();
  await post.getByLabel('Note for yourself (optional)').fill(note);
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 16);
  await post.getByLabel('Remind me on (UTC, optional)').fill(tomorrow);
  await post.getByRole('button', { name: 'Save bookmark' }).click();
  await expect(post.getByRole('status')).toHaveText('Bookmark saved.');
  await expect(post.locator('summary', { hasText: 'Bookmarked' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click();
  await expect(page.getByRole('heading', { name: 'My bookmarks' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: note });
  await expect(item).toContainText(`Your note: ${note}`);
  await expect(item).toContainText(/Reminder on .* UTC/);
  const link = item.getByRole('link', { name: /, post #1$/ });
  await expect(link).toHaveAttribute('href', `/t/${THREAD}?page=1#p1`);

  await item.getByRole('button', { name: /^Remove the bookmark on post #1 of/ }).click();
  await expect(page.getByText('You have no bookmarks yet.', { exact: false })).toBeVisible();

  await page.goto(`/t/${THREAD}`);
  await expect(thread.post(1).locator('summary', { hasText: 'Bookmarked' })).toHaveCount(0);
});
