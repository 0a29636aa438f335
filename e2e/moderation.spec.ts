import type { Page } from '@playwright/test';
import { expect, test, OPEN_GROUP } from './fixtures';
import { submitSignIn } from './pages/auth';
import { GroupPage } from './pages/GroupPage';
import { NewThreadPage } from './pages/NewThreadPage';

/** The member joins the open group and starts a thread in it; its title is unique to this run. */
async function memberThread(page: Page, titleStart: string, body: string): Promise<{ title: string; threadUrl: string }> {
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  const title = `${titleStart}${Date.now()}`;
  await (await new NewThreadPage(page).open(OPEN_GROUP)).create(title, body);
  return { title, threadUrl: page.url().replace(/#.*$/, '') };
}

test('a moderator pins and closes a thread, and a member sees both', async ({ member, demoMember }) => {
  const { title, threadUrl } = await memberThread(member.page, 'Office hours ', 'Who wants a slot on Thursday?');

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  const tools = owner.getByRole('region', { name: 'Moderation' });
  await tools.getByRole('button', { name: 'Pin' }).click();
  await expect(tools.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await tools.getByLabel('Reason (shown to readers)').fill('All slots are taken.');
  await tools.getByRole('button', { name: 'Close' }).click();
  await expect(tools.getByRole('button', { name: 'Reopen' })).toBeVisible();

  await member.page.goto(`/g/${OPEN_GROUP}`);
  const row = member.page.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('Pinned')).toBeVisible();
  await expect(row.getByText('Closed')).toBeVisible();
  await member.page.goto(threadUrl);
  await expect(member.page.getByText('This thread is closed: All slots are taken.')).toBeVisible();
  await expect(member.page.locator('.reply-form')).toHaveCount(0);
  await expect(member.page.getByRole('region', { name: 'Moderation' })).toHaveCount(0);

  await owner.goto(`/g/${OPEN_GROUP}/log`);
  const entries = owner.getByRole('row').filter({ hasText: title });
  await expect(entries.filter({ hasText: 'Closed' })).toContainText('All slots are taken.');
  await expect(entries.filter({ hasText: 'Pinned' })).toContainText('James Carter');
});

test('an archived thread leaves the group list for the archive, and takes no more replies', async ({ member, demoMember }) => {
  const { title, threadUrl } = await memberThread(member.page, 'Old event ', 'Photos from last year.');

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  await owner.getByRole('region', { name: 'Moderation' }).getByRole('button', { name: 'Archive' }).click();
  await expect(owner.getByRole('region', { name: 'Moderation' }).getByRole('button', { name: 'Unarchive' })).toBeVisible();

  await member.page.goto(`/g/${OPEN_GROUP}`);
  await expect(member.page.getByRole('link', { name: title })).toHaveCount(0);
  await member.page.getByRole('link', { name: 'Archived threads' }).click();
  await expect(member.page.getByRole('link', { name: title })).toBeVisible();
  await member.page.goto(threadUrl);
  await expect(member.page.getByText('This thread is archived: it is kept read-only.')).toBeVisible();
  await expect(member.page.locator('.reply-form')).toHaveCount(0);
});

test('a moderator deletes a member\'s post and restores it; the member sees it deleted meanwhile, and the log keeps both', async ({ member, demoMember }) => {
  const { title, threadUrl } = await memberThread(member.page, 'Buy and sell ', 'Cheap watches, message me.');

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  owner.once('dialog', (dialog) => void dialog.accept());
  await owner.locator('article#p1').getByRole('button', { name: 'Delete post 1' }).click();
  await expect(owner.locator('article#p1')).toContainText('Deleted by a moderator.');

  await member.page.goto(threadUrl);
  await expect(member.page.locator('article#p1')).toContainText('Deleted by a moderator.');
  await expect(member.page.locator('article#p1')).not.toContainText('Cheap watches');
  // The author cannot undo a moderator's decision.
  await expect(member.page.locator('article#p1').getByRole('button', { name: 'Restore post 1' })).toHaveCount(0);

  await owner.locator('article#p1').getByRole('button', { name: 'Restore post 1' }).click();
  await expect(owner.locator('article#p1')).toContainText('Cheap watches');
  await member.page.reload();
  await expect(member.page.locator('article#p1')).toContainText('Cheap watches');

  await owner.goto(`/g/${OPEN_GROUP}/log`);
  const entries = owner.getByRole('row').filter({ hasText: title });
  await expect(entries.filter({ hasText: 'Deleted a post' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Restored a post' })).toContainText(`#1 in ${title}`);
});

test('a moderator schedules a close; readers see when, and the moderator can cancel it', async ({ member, demoMember }) => {
  const { threadUrl } = await memberThread(member.page, 'Call for speakers ', 'Send your proposals by Friday.');

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  const tools = owner.getByRole('region', { name: 'Moderation' });
  await tools.getByLabel('When').selectOption('in:7');
  await tools.getByRole('button', { name: 'Close' }).click();
  await expect(tools.getByRole('button', { name: 'Cancel the scheduled close' })).toBeVisible();

  await member.page.goto(threadUrl);
  await expect(member.page.getByText(/^Closes automatically on /)).toBeVisible();
  await expect(member.page.locator('.reply-form')).toHaveCount(1);

  await tools.getByRole('button', { name: 'Cancel the scheduled close' }).click();
  await expect(tools.getByRole('button', { name: 'Close' })).toBeVisible();
  await member.page.reload();
  await expect(member.page.getByText(/^Closes automatically/)).toHaveCount(0);
});

test('a member flags spam, the moderator hides it from the flag queue, and the log shows it', async ({ member, newMember, demoMember, newVisitor }) => {
  const { title, threadUrl } = await memberThread(member.page, 'Luxury watches ', 'Replica watches, cheap, see my site.');

  const flagger = await newMember({ label: 'Flagger', join: OPEN_GROUP });
  await flagger.page.goto(threadUrl);
  const post = flagger.page.locator('article#p1');
  await post.getByText('Flag', { exact: true }).click();
  await post.getByLabel('Spam or advertising').check();
  await post.getByRole('button', { name: 'Send to the moderators' }).click();
  await expect(post.getByRole('status')).toHaveText('Thank you: the moderators will review it.');

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(`/g/${OPEN_GROUP}/manage`);
  await owner.getByRole('link', { name: 'Flagged posts' }).click();
  const item = owner.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Spam or advertising × 1');
  await item.getByLabel('Decision').selectOption('hide');
  await item.getByRole('button', { name: 'Apply' }).click();
  await expect(owner.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);

  const { page: reader } = await newVisitor();
  await reader.goto(threadUrl);
  await expect(reader.locator('article#p1')).toContainText('Hidden until a moderator reviews it.');
  await expect(reader.locator('article#p1')).not.toContainText('Replica watches');
  // Members share the thread page (a kept one or one rendered to be kept); its author still reads the post, other members do not.
  expect((await member.page.goto(threadUrl))?.headers()['x-cercle-cache']).toMatch(/^(hit|miss)$/);
  await expect(member.page.locator('article#p1')).toContainText('Hidden from other readers until a moderator reviews it.');
  await expect(member.page.locator('article#p1')).toContainText('Replica watches');
  await flagger.page.goto(threadUrl);
  await expect(flagger.page.locator('article#p1')).toContainText('Hidden until a moderator reviews it.');
  await expect(flagger.page.locator('article#p1')).not.toContainText('Replica watches');

  await owner.goto(`/g/${OPEN_GROUP}/log`);
  await expect(owner.getByRole('row').filter({ hasText: title }).filter({ hasText: 'Hid a post' })).toContainText('James Carter');
});

test('a moderator silences a member from the roster: the member reads but cannot post, sees why, and the silence can be lifted', async ({ member, demoMember }) => {
  const { threadUrl } = await memberThread(member.page, 'Referral swap ', 'Anyone need a printer?');
  const name = member.user.name;

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(`/g/${OPEN_GROUP}/manage`);
  const row = owner.getByRole('listitem').filter({ hasText: name });
  await row.getByText('Silence…').click();
  await row.getByLabel('For how long').selectOption('3');
  await row.getByLabel('Reason (the member sees it)').fill('Posting the same offer everywhere');
  await row.getByRole('button', { name: `Silence ${name}` }).click();
  await expect(row).toContainText('silenced until');

  await member.page.goto(threadUrl);
  await expect(member.page.getByText('A moderator has silenced you in this group until')).toContainText('Posting the same offer everywhere');
  await expect(member.page.locator('.reply-form')).toHaveCount(0);
  await member.page.getByRole('link', { name: 'Moderation of my posts' }).click();
  await expect(member.page.getByRole('row').filter({ hasText: 'Silenced a member' })).toContainText('James Carter');

  await owner.getByRole('button', { name: `Lift the silence on ${name}` }).click();
  await expect(owner.getByRole('listitem').filter({ hasText: name })).not.toContainText('silenced until');
  await member.page.goto(threadUrl);
  await expect(member.page.locator('.reply-form')).toBeVisible();
});

test('a site admin suspends a member, who is signed out and told why at sign-in', async ({ member, demoMember }) => {
  await member.page.goto('/settings/profile');
  await member.page.getByRole('link', { name: 'See your public profile' }).click();
  await expect(member.page).toHaveURL(/\/m\/\d+$/);
  const profileUrl = member.page.url();

  const admin = await demoMember('amina.haddad@example.test');
  await admin.goto(profileUrl);
  await admin.getByText('Suspend…').click();
  await admin.getByLabel('For how long').selectOption('7');
  await admin.getByLabel('Reason (the member sees it)').fill('Harassing other members');
  await admin.getByRole('button', { name: `Suspend ${member.user.name}` }).click();
  await expect(admin.getByText('Suspended until')).toContainText('Harassing other members');

  await member.page.goto('/settings/profile');
  await expect(member.page).toHaveURL(/\/sign-in/);
  await submitSignIn(member.page, member.user.email, member.user.password);
  await expect(member.page.locator('.form-error')).toContainText('This account is suspended until');
  await expect(member.page.locator('.form-error')).toContainText('Harassing other members');
});

test('a moderator splits a digression into its own thread, and an admin moves the thread to another group', async ({ member, demoMember }) => {
  const { title, threadUrl } = await memberThread(member.page, 'Coworking desks ', 'Looking for a desk in the centre.');
  await member.page.locator('.reply-form textarea').fill('Off topic: who is going to the Friday breakfast?');
  await member.page.locator('.reply-form').getByRole('button', { name: 'Reply' }).click();
  await expect(member.page.locator('article#p2')).toBeVisible();

  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  await owner.getByRole('link', { name: 'Split posts into a new thread…' }).click();
  await owner.getByRole('checkbox', { name: `#2 by ${member.user.name}` }).check();
  await owner.getByLabel('Title of the new thread').fill(`Friday breakfast ${Date.now()}`);
  await owner.getByRole('button', { name: 'Create the new thread' }).click();
  await expect(owner.locator('article#p1')).toContainText('who is going to the Friday breakfast?');
  await owner.goto(threadUrl);
  await expect(owner.locator('article#p1')).toContainText('Looking for a desk');
  await expect(owner.locator('article#p2')).toHaveCount(0);

  const admin = await demoMember('amina.haddad@example.test');
  await admin.goto(threadUrl);
  const surgery = admin.getByRole('region', { name: 'Move, merge or split' });
  await surgery.getByLabel('Move to group').selectOption({ label: 'Paris Entrepreneurs Chamber' });
  await surgery.getByRole('button', { name: 'Move thread' }).click();
  await expect(admin.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Paris Entrepreneurs Chamber');
  await member.page.goto(`/g/${OPEN_GROUP}`);
  await expect(member.page.getByRole('link', { name: title })).toHaveCount(0);
  await member.page.goto('/g/paris-entrepreneurs-chamber');
  await expect(member.page.getByRole('link', { name: title })).toBeVisible();
});

test('a new member who adds three links is told the limit, and keeps what they wrote', async ({ member }) => {
  const { threadUrl } = await memberThread(member.page, 'Useful tools ', 'What do you use for invoicing?');
  await member.page.goto(threadUrl);
  const body = 'Try https://a.example, https://b.example or https://c.example';
  await member.page.locator('.reply-form textarea').fill(body);
  await member.page.locator('.reply-form').getByRole('button', { name: 'Reply' }).click();
  await expect(member.page.locator('.reply-form')).toContainText('New members can add at most 2 links to a post.');
  await expect(member.page.locator('.reply-form textarea')).toHaveValue(body);
});

test('a moderator hides a post without any flag and shows it again; readers see it go and come back', async ({ member, demoMember, newVisitor }) => {
  const { threadUrl } = await memberThread(member.page, 'Questionable offer ', 'Buy my leads list, very cheap.');
  const owner = await demoMember('james.carter@example.test');
  await owner.goto(threadUrl);
  owner.on('dialog', (dialog) => void dialog.accept());
  await owner.locator('article#p1').getByRole('button', { name: 'Hide post 1 from everyone but its author and the moderators' }).click();
  await expect(owner.locator('article#p1')).toContainText('Hidden');

  const { page: reader } = await newVisitor();
  await reader.goto(threadUrl);
  await expect(reader.locator('article#p1')).not.toContainText('Buy my leads list');
  await member.page.goto(threadUrl);
  await expect(member.page.locator('article#p1')).toContainText('Buy my leads list');

  await owner.locator('article#p1').getByRole('button', { name: 'Show post 1 to everyone again' }).click();
  await expect(owner.locator('article#p1').getByRole('button', { name: 'Hide post 1 from everyone but its author and the moderators' })).toBeVisible();
  await reader.reload();
  await expect(reader.locator('article#p1')).toContainText('Buy my leads list');
});
