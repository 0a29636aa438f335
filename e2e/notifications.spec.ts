import { expect, test, OPEN_GROUP } from './fixtures';
import { GroupPage } from './pages/GroupPage';
import { NewThreadPage } from './pages/NewThreadPage';

test('a reply raises the thread author\'s unread count in another browser without a reload, and the notification opens the reply', async ({ member, newMember }) => {
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const title = `Need a sign maker ${Date.now()}`;
  await (await new NewThreadPage(member.page).open(OPEN_GROUP)).create(title, 'Who makes good shop signs?');
  const threadUrl = member.page.url().replace(/[?#].*$/, '');
  await member.page.goto(`/g/${OPEN_GROUP}`);
  const bell = member.page.getByRole('link', { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  const replier = await newMember({ label: 'Replier', join: OPEN_GROUP });
  await replier.page.goto(threadUrl);
  await replier.page.locator('.reply-form textarea').fill('My cousin does, I will send you his number.');
  await replier.page.locator('.reply-form').getByRole('button', { name: 'Reply' }).click();
  await expect(replier.page.locator('article#p2')).toBeVisible();

  // The page was never reloaded: the count arrives by polling.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 25_000 });
  await bell.click();
  const item = member.page.getByRole('listitem').filter({ hasText: `replied to you in “${title}”` });
  await expect(item).toContainText('My cousin does');
  await item.getByRole('link').click();
  await expect(member.page).toHaveURL(/#p2$/);
  await expect(member.page.getByRole('link', { name: /^Notifications, / })).toHaveAccessibleName('Notifications, none unread');
});

test('a member watching a group hears of every new thread in it', async ({ member, newMember }) => {
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  await member.page.getByLabel('Notifications for this group').selectOption('watching');
  await member.page.getByRole('button', { name: 'Save' }).click();
  await expect(member.page.getByLabel('Notifications for this group')).toHaveValue('watching');

  const poster = await newMember({ label: 'Poster', join: OPEN_GROUP });
  const title = `Printer for hire ${Date.now()}`;
  await (await new NewThreadPage(poster.page).open(OPEN_GROUP)).create(title, 'Large format printing, fair prices.');

  await expect(async () => {
    await member.page.goto('/notifications');
    await expect(member.page.getByRole('listitem').filter({ hasText: `posted in “${title}”` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test('a member follows another from their profile and hears of their next thread', async ({ member, newMember }) => {
  const author = await newMember({ label: 'Author', join: OPEN_GROUP });
  await author.page.goto('/settings/profile');
  await author.page.getByRole('link', { name: 'See your public profile' }).click();
  await expect(author.page).toHaveURL(/\/m\/\d+$/);
  const profileUrl = author.page.url();

  await member.page.goto(profileUrl);
  await member.page.getByRole('button', { name: `Follow ${author.user.name}` }).click();
  await expect(member.page.getByRole('button', { name: `Stop following ${author.user.name}` })).toBeVisible();

  const title = `Fresh leads ${Date.now()}`;
  await (await new NewThreadPage(author.page).open(OPEN_GROUP)).create(title, 'Three new leads this week.');
  await expect(async () => {
    await member.page.goto('/notifications');
    await expect(member.page.getByRole('listitem').filter({ hasText: `started a thread: “${title}”` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
