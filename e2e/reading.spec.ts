import type { APIRequestContext } from '@playwright/test';
import { apiReply, apiStartThread, apiThread } from './api';
import { expect, OPEN_GROUP, test } from './fixtures';
import { signedInAs } from './pages/auth';
import { GroupPage } from './pages/GroupPage';
import { ThreadPage } from './pages/ThreadPage';

/** A new thread in the open group with `posts` posts in all (the opening one included), numbered in order. */
async function threadWithPosts(request: APIRequestContext, posts: number): Promise<number> {
  const { threadId } = await apiStartThread(request, OPEN_GROUP, `A long conversation ${Date.now()}`, 'Post number 1.');
  for (let n = 2; n <= posts; n++) await apiReply(request, threadId, `Post number ${n}.`);
  return threadId;
}

const numbersShown = (thread: ThreadPage) => thread.posts.evaluateAll((articles) => articles.map((a) => Number(a.id.slice(1))));

test('a signed-out visitor reads a public group and thread, and is invited to sign in to reply', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await page.getByRole('link', { name: 'Paris Entrepreneurs Chamber' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Paris Entrepreneurs Chamber' })).toBeVisible();
  const group = new GroupPage(page);
  await expect(group.threadTable.getByRole('row')).toHaveCount(8); // header + 7 demo threads
  await expect(page.getByRole('link', { name: 'Sign in to join' })).toBeVisible();
  await expect(group.startThreadLink).toHaveCount(0);
  await expect(group.joinButton).toHaveCount(0);

  const title = "Présentation : Camille Dubois, photographe d'entreprise";
  await group.threadTable.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const thread = new ThreadPage(page);
  await expect(thread.post(1).getByRole('heading', { name: 'Camille Dubois' })).toBeVisible();
  await expect(thread.post(1).locator('strong').first()).toHaveText("photographe d'entreprise");
  await expect(thread.post(2).getByRole('heading', { name: 'Julien Lefèvre' })).toBeVisible();
  await expect(thread.posts).toHaveCount(4);

  // No way to write, only an invitation to sign in that comes back here.
  await expect(thread.replyBody).toHaveCount(0);
  await expect(thread.replyButton).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Reply quoting post/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Edit post/ })).toHaveCount(0);
  const threadUrl = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Sign in to reply' }).click();
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${threadUrl}`);
});

test('a thread of more than 20 posts is paged, 20 posts a page', async ({ member }) => {
  const { page } = member;
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  const threadId = await threadWithPosts(page.request, 25);

  const thread = await new ThreadPage(page).open(threadId);
  await expect(page.getByText('24 replies')).toBeVisible();
  expect(await numbersShown(thread)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const pager = page.getByRole('navigation', { name: 'Pages of this thread' }).first();
  await expect(pager.locator('[aria-current="page"]')).toHaveText('1');

  await pager.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(`/t/${threadId}?page=2`);
  await expect(thread.post(21)).toBeVisible();
  expect(await numbersShown(thread)).toEqual([21, 22, 23, 24, 25]);
  await expect(thread.post(21)).toContainText('Post number 21.');
  await expect(thread.post(25)).toContainText('Post number 25.');
  await expect(pager.locator('[aria-current="page"]')).toHaveText('2');
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
  await pager.getByRole('link', { name: 'Previous' }).click();
  await expect(thread.post(1)).toBeVisible();

  // The JSON API pages the same way, and a page past the end shows the last one.
  const json = await apiThread(page.request, threadId, 2);
  expect(json.pageCount).toBe(2);
  expect(json.posts.map((p) => p.number)).toEqual([21, 22, 23, 24, 25]);
  await thread.open(threadId, { page: 9 });
  expect(await numbersShown(thread)).toEqual([21, 22, 23, 24, 25]);
});

test('a member coming back to a thread lands on the first post they have not read', async ({ member, newMember }) => {
  const author = member;
  await new GroupPage(author.page).open(OPEN_GROUP).then((g) => g.join());
  const threadId = await threadWithPosts(author.page.request, 20);

  // The reader reads the whole thread (one page of 20 posts)…
  const reader = await newMember({ label: 'Reader' });
  const thread = await new ThreadPage(reader.page).open(threadId);
  await expect(thread.post(20)).toBeVisible();
  await expect(reader.page).toHaveURL(`/t/${threadId}`);

  // …then three replies arrive, which the group page counts as new…
  for (const n of [21, 22, 23]) await apiReply(author.page.request, threadId, `Post number ${n}.`);
  const group = await new GroupPage(reader.page).open(OPEN_GROUP);
  const row = group.threadTable.getByRole('row').filter({ has: reader.page.locator(`a[href="/t/${threadId}"]`) });
  await expect(row.getByText('3 new')).toBeVisible();

  // …and following the thread's link opens it at the first of them.
  await row.getByRole('link', { name: /A long conversation/ }).click();
  await expect(reader.page).toHaveURL(`/t/${threadId}?page=2#p21`);
  await expect(thread.post(21)).toBeInViewport();
  await expect(signedInAs(reader.page, reader.user.name)).toBeVisible();

  // Once read, the thread opens at the top again and has nothing new.
  await new GroupPage(reader.page).open(OPEN_GROUP);
  await expect(row.getByText(/new$/)).toHaveCount(0);
});

test('the first unread post on the first page is opened too', async ({ member, newMember }) => {
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const threadId = await threadWithPosts(member.page.request, 2);
  const reader = await newMember({ label: 'Reader' });
  // A member's thread page is shared with others; their browser records what they read.
  const recorded = reader.page.waitForResponse((response) => response.url().endsWith(`/api/threads/${threadId}/reading`));
  const thread = await new ThreadPage(reader.page).open(threadId);
  await expect(thread.post(2)).toBeVisible();
  await recorded;

  await apiReply(member.page.request, threadId, 'Post number 3.');
  await apiReply(member.page.request, threadId, 'Post number 4.');
  await reader.page.goto(`/t/${threadId}`);
  await expect(reader.page).toHaveURL(new RegExp(`/t/${threadId}(\\?page=1)?#p3$`));
  await expect(thread.post(3)).toBeInViewport();
});

test('signed-out readers share a kept copy of a thread page, and see a reply the moment it is written', async ({ member, newVisitor }) => {
  const { page } = await newVisitor();
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const { threadId } = await apiStartThread(member.page.request, OPEN_GROUP, `Kept for visitors ${Date.now()}`, 'Who is coming on Thursday?');
  const first = await page.goto(`/t/${threadId}`);
  expect(first?.headers()['x-cercle-cache']).toBe('miss');
  // Other tests' writes empty the cache now and then, so a later load is a hit, not necessarily the next.
  await expect.poll(async () => (await page.goto(`/t/${threadId}`))?.headers()['x-cercle-cache'], { timeout: 30_000 }).toBe('hit');
  await expect(new ThreadPage(page).posts).toHaveCount(1);

  await apiReply(member.page.request, threadId, 'Count me in for Thursday.');
  await page.goto(`/t/${threadId}`);
  await expect(new ThreadPage(page).posts).toHaveCount(2);
  await expect(page.getByText('Count me in for Thursday.')).toBeVisible();
  // A member never gets the signed-out copy.
  await member.page.goto(`/t/${threadId}`);
  await expect(signedInAs(member.page, member.user.name)).toBeVisible();
});

test('members who read the same groups share a kept thread page, each with their own actions on it', async ({ member, newMember }) => {
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const { threadId } = await apiStartThread(member.page.request, OPEN_GROUP, `Shared among members ${Date.now()}`, 'Who knows a good accountant?');
  const other = await newMember({ join: OPEN_GROUP });
  // Every write by the other tests empties the cache: a later load is a hit, not necessarily the next.
  const keptFor = async (page: typeof member.page) => (await page.goto(`/t/${threadId}?page=1`))?.headers()['x-cercle-cache'];
  await expect.poll(() => keptFor(other.page), { timeout: 30_000 }).toBe('hit');
  await expect.poll(() => keptFor(member.page), { timeout: 30_000 }).toBe('hit');

  const authorView = new ThreadPage(member.page);
  await expect(authorView.post(1).getByRole('link', { name: 'Edit post 1' })).toBeVisible();
  await expect(authorView.post(1).getByLabel('Flag post 1 for the moderators')).toHaveCount(0);
  await expect(signedInAs(member.page, member.user.name)).toBeVisible();

  const otherView = new ThreadPage(other.page);
  await other.page.reload();
  await expect(otherView.post(1).getByLabel('Flag post 1 for the moderators')).toBeVisible();
  await expect(otherView.post(1).getByRole('link', { name: 'Edit post 1' })).toHaveCount(0);
  await expect(signedInAs(other.page, other.user.name)).toBeVisible();
  await otherView.reply('Mine is on rue Lafayette.');
  await expect(otherView.posts).toHaveCount(2);

  // One request brings a member's own part of a shared thread page, the header's name included.
  const asked: string[] = [];
  other.page.on('request', (request) => {
    if (request.url().includes('/api/')) asked.push(new URL(request.url()).pathname);
  });
  await other.page.goto(`/t/${threadId}?page=1`);
  await expect(signedInAs(other.page, other.user.name)).toBeVisible();
  expect(asked).toEqual([`/api/threads/${threadId}/reading`]);
});
