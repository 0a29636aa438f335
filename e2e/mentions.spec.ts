import { apiStartThread } from './api';
import { expect, OPEN_GROUP, test } from './fixtures';
import { GroupPage } from './pages/GroupPage';
import { ThreadPage } from './pages/ThreadPage';

test('a member mentions someone by choosing them from the list under the reply box, by keyboard', async ({ member }) => {
  const { page } = member;
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  const { threadId } = await apiStartThread(page.request, OPEN_GROUP, `Who sells to law firms? ${Date.now()}`, 'Looking for advice.');
  const thread = await new ThreadPage(page).open(threadId);

  const box = thread.replyBody;
  const list = page.getByRole('listbox', { name: 'People to mention' });
  const james = list.getByRole('option', { name: 'James Carter @james.carter' });
  await box.click();
  await box.pressSequentially('Thanks @jam');
  await expect(james).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /to mention/ })).toHaveText(/\d+ (person|people) to mention/);

  // Escape closes the list; typing on brings it back.
  await box.press('Escape');
  await expect(list).toBeHidden();
  await box.pressSequentially('e');
  await expect(james).toBeVisible();

  // Until an arrow key picks someone, no option is active; then Enter puts the handle in.
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await box.press('ArrowDown');
  await expect(james).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await james.getAttribute('id'))!);
  await box.press('Enter');
  await expect(box).toHaveValue('Thanks @james.carter ');
  await expect(list).toBeHidden();

  // The caret is after the space, so typing carries on the sentence.
  await box.pressSequentially('for the tip.');
  await expect(box).toHaveValue('Thanks @james.carter for the tip.');
});

test('a profile shows the handle to mention its member by', async ({ page }) => {
  // Filtered, so members signed up by other tests never push him off the first page.
  await page.goto('/members?profession=Sales%20consultant');
  await page.getByRole('link', { name: 'James Carter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'James Carter' })).toBeVisible();
  await expect(page.getByText('@james.carter', { exact: true })).toBeVisible();
});
