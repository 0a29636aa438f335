import { apiStartThread, apiThread } from './api';
import { expect, OPEN_GROUP, test, uniqueUser } from './fixtures';
import { signedInAs, submitSignUp } from './pages/auth';
import { GroupPage } from './pages/GroupPage';
import { NewThreadPage } from './pages/NewThreadPage';

test('a thread without a title is refused with a clear message, keeping what was typed', async ({ member }) => {
  const { page, user } = member;
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  const form = await new NewThreadPage(page).open(OPEN_GROUP);
  const body = 'A carefully written **opening post** that must not be lost.';
  await form.body.fill(body);
  await form.submit.click();

  const main = page.getByRole('main');
  await expect(main.getByRole('alert')).toHaveText('Titles need at least 3 characters.');
  await expect(form.title).toHaveAttribute('aria-invalid', 'true');
  await expect(form.title).toHaveAccessibleDescription('Titles need at least 3 characters.');
  await expect(page).toHaveURL(`/g/${OPEN_GROUP}/new`);
  await expect(form.body).toHaveValue(body);
  await expect(form.preview.locator('strong')).toHaveText('opening post');

  // Nothing was created: the group lists no thread started by this member.
  const listing = await page.request.get(`/api/groups/${OPEN_GROUP}/threads`);
  const { threads } = (await listing.json()) as { threads: { authorName: string }[] };
  expect(threads.filter((t) => t.authorName === user.name)).toEqual([]);

  // Fixing the title is enough to post, with the same text.
  await form.title.fill('Now with a title');
  await form.submit.click();
  await expect(page).toHaveURL(/\/t\/\d+\?page=1#p1$/);
  await expect(page.locator('article#p1 strong')).toHaveText('opening post');
});

test('the reply API refuses a post over 32,000 characters with 400 and a message', async ({ member }) => {
  const { page } = member;
  await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
  const { threadId } = await apiStartThread(page.request, OPEN_GROUP, `Long posts ${Date.now()}`, 'Opening post.');

  const tooLong = await page.request.post(`/api/threads/${threadId}/posts`, { data: { body: 'a'.repeat(32_001) } });
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.json()).toEqual({
    error: 'Posts are limited to 32,000 characters.',
    fieldErrors: { body: ['Posts are limited to 32,000 characters.'] },
  });

  // The limit itself is allowed; nothing else was stored.
  const atLimit = await page.request.post(`/api/threads/${threadId}/posts`, { data: { body: 'b'.repeat(32_000) } });
  expect(atLimit.status()).toBe(201);
  const thread = await apiThread(page.request, threadId);
  expect(thread.posts.map((p) => p.number)).toEqual([1, 2]);
  expect(thread.posts[1]!.bodyHtml).toContain('b'.repeat(100));
});

test('the reply API answers 404 for an unknown thread and 400 for nonsense', async ({ member }) => {
  const { page } = member;
  const unknown = await page.request.post('/api/threads/2000000000/posts', { data: { body: 'Anyone there?' } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: 'No such thread.' });
  expect((await page.request.get('/api/threads/2000000000/posts')).status()).toBe(404);

  const notJson = await page.request.post('/api/threads/1/posts', { data: 'not json', headers: { 'Content-Type': 'application/json' } });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toMatchObject({ error: 'Send a JSON object.' });

  const empty = await page.request.post('/api/threads/1/posts', { data: { body: '   ' } });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ error: 'Write something first.' });
});

test('signing up with a 5-character password shows the password rule and creates nothing', async ({ page }) => {
  const user = { ...uniqueUser('Shorty'), password: 'abcde' };
  await submitSignUp(page, user);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Passwords need at least 10 characters.');
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Passwords need at least 10 characters\./);
  await expect(page).toHaveURL('/sign-up');
  // What was typed is kept, except the password.
  await expect(page.getByLabel('Name')).toHaveValue(user.name);
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await expect(password).toHaveValue('');
  await expect(signedInAs(page)).toHaveCount(0);

  // No account was made: the same email can still sign up, with a proper password.
  await password.fill('a-proper-password-42');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/');
});
