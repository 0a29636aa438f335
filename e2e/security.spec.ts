import { apiReply, apiStartThread, apiThread } from './api';
import { DEMO_PASSWORD, expect, OPEN_GROUP, test, uniqueUser } from './fixtures';
import { signedInAs, signOut, submitSignIn } from './pages/auth';
import { GroupPage } from './pages/GroupPage';
import { ThreadPage } from './pages/ThreadPage';

const EVIL_ORIGIN = { Origin: 'https://evil.example' };
const SESSION_COOKIE = 'next-auth.session-token';

test.describe('Content-Security-Policy', () => {
  test('every page carries a nonce-based policy that the page itself uses', async ({ request }) => {
    const first = await request.get('/');
    expect(first.status()).toBe(200);
    const csp = first.headers()['content-security-policy'];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    const nonce = directives.get('script-src')?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `script-src in ${csp}`).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");

    // Next.js's own scripts carry that very nonce, and no script goes without it.
    const html = await first.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

    // A fresh nonce for every response, on other pages too.
    const again = await request.get(`/g/${OPEN_GROUP}`);
    const otherCsp = again.headers()['content-security-policy'];
    expect(otherCsp).toContain("object-src 'none'");
    expect(otherCsp).toContain("frame-ancestors 'self'");
    expect(otherCsp).not.toContain(`'nonce-${nonce}'`);
  });
});

test.describe('cross-site requests', () => {
  test('a POST with a foreign Origin is refused before it does anything', async ({ member }) => {
    const { page } = member;
    // The same request from this site's own origin is fine: the Origin is what gets it refused.
    const ownOrigin = new URL(page.url()).origin;
    const allowed = await page.request.post('/api/preview', { data: { body: '**hi**' }, headers: { Origin: ownOrigin } });
    expect(allowed.status()).toBe(200);
    expect(((await allowed.json()) as { html: string }).html).toContain('<strong>hi</strong>');
    expect(allowed.headers()['x-content-type-options']).toBe('nosniff');

    const preview = await page.request.post('/api/preview', { data: { body: '**hi**' }, headers: EVIL_ORIGIN });
    expect(preview.status()).toBe(403);
    expect(await preview.json()).toEqual({ error: expect.any(String) });

    await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
    const { threadId } = await apiStartThread(page.request, OPEN_GROUP, `Origin check ${Date.now()}`, 'Opening post.');
    const reply = await page.request.post(`/api/threads/${threadId}/posts`, { data: { body: 'Forged reply' }, headers: EVIL_ORIGIN });
    expect(reply.status()).toBe(403);
    const thread = await apiThread(page.request, threadId);
    expect(thread.thread.replyCount).toBe(0);
    expect(thread.posts.map((p) => p.number)).toEqual([1]);

    const newThread = await page.request.post(`/api/groups/${OPEN_GROUP}/threads`, {
      data: { title: 'Forged thread', body: 'Forged' },
      headers: EVIL_ORIGIN,
    });
    expect(newThread.status()).toBe(403);

    // A form or server action posted to a page from another site is refused the same way.
    const action = await page.request.post(`/g/${OPEN_GROUP}`, { form: { title: 'Forged' }, headers: EVIL_ORIGIN });
    expect(action.status()).toBe(403);
  });
});

test.describe('session cookie', () => {
  test('is HttpOnly and SameSite=Lax, out of reach of page scripts', async ({ member }) => {
    const cookie = (await member.context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie, 'session cookie after sign-in').toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    expect(await member.page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  test('a copy of the cookie stops working once its owner signs out', async ({ member, newVisitor }) => {
    const { page, context, user } = member;
    await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
    const { threadId } = await apiStartThread(page.request, OPEN_GROUP, `Cookie replay ${Date.now()}`, 'Opening post.');
    const stolen = (await context.cookies()).filter((c) => c.name === SESSION_COOKIE);
    expect(stolen).toHaveLength(1);

    // Before sign-out, the copy is as good as the original (so the check below means something).
    const thief = await newVisitor();
    await thief.context.addCookies(stolen);
    await thief.page.goto('/');
    await expect(signedInAs(thief.page, user.name)).toBeVisible();

    await page.goto('/');
    await signOut(page);

    await thief.page.reload();
    await expect(signedInAs(thief.page)).toHaveCount(0);
    await expect(thief.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
    const replay = await thief.page.request.post(`/api/threads/${threadId}/posts`, { data: { body: 'Posted with a dead cookie' } });
    expect(replay.status()).toBe(401);
    // The replayed cookie really was sent: it is still in the thief's jar.
    expect((await thief.context.cookies()).some((c) => c.name === SESSION_COOKIE && c.value === stolen[0]!.value)).toBe(true);
    expect((await apiThread(thief.page.request, threadId)).thread.replyCount).toBe(0);
  });
});

test.describe('private groups', () => {
  test('a private thread is a 404 for anonymous visitors and non-members, as a page and through the API', async ({
    demoMember,
    newVisitor,
    newMember,
    playwright,
    baseURL,
  }) => {
    const slug = 'casablanca-business-referral-chapter';
    const amina = await demoMember('amina.haddad@example.test');
    const listing = await amina.request.get(`/api/groups/${slug}/threads`);
    expect(listing.status()).toBe(200);
    const { threads } = (await listing.json()) as { threads: { id: number; title: string }[] };
    const secret = threads[0]!;
    // Amina, a member, reads it.
    await new ThreadPage(amina).open(secret.id, { page: 1 });
    await expect(amina.getByRole('heading', { level: 1, name: secret.title })).toBeVisible();

    // An anonymous browser gets the 404 page, with nothing of the thread in it.
    const { page: visitor } = await newVisitor();
    for (const path of [`/t/${secret.id}`, `/t/${secret.id}?page=1`, `/g/${slug}/members`]) {
      const response = await visitor.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(visitor.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(visitor.getByText(secret.title)).toHaveCount(0);
    }
    // The group page itself shows outsiders its name and description only: no thread, no count.
    expect((await visitor.goto(`/g/${slug}`))?.status()).toBe(200);
    await expect(visitor.getByText("Only members can read this group's threads.")).toBeVisible();
    await expect(visitor.getByText(secret.title)).toHaveCount(0);
    await expect(visitor.getByRole('table')).toHaveCount(0);

    // And so does the JSON API, with no cookies at all.
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of [`/api/threads/${secret.id}/posts`, `/api/groups/${slug}/threads`]) {
      const response = await anonymous.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain(secret.title);
    }
    const post = await anonymous.post(`/api/threads/${secret.id}/posts`, { data: { body: 'hello' } });
    expect(post.status()).toBe(401);
    await anonymous.dispose();

    // A signed-in member of other groups sees no more than a stranger.
    const outsider = await newMember({ label: 'Outsider' });
    expect((await outsider.page.goto(`/t/${secret.id}`))?.status()).toBe(404);
    expect((await outsider.page.request.get(`/api/threads/${secret.id}/posts`)).status()).toBe(404);
    const reply = await outsider.page.request.post(`/api/threads/${secret.id}/posts`, { data: { body: 'Let me in' } });
    expect(reply.status()).toBe(404);
  });
});

test.describe('untrusted post content', () => {
  test('script tags, event handlers and javascript: links in a reply are neutralised', async ({ member }) => {
    const { page } = member;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await new GroupPage(page).open(OPEN_GROUP).then((g) => g.join());
    const { threadId } = await apiStartThread(page.request, OPEN_GROUP, `Hostile markup ${Date.now()}`, 'Opening post.');
    const payload = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', 'Plain words survive.'].join('\n\n');

    const thread = await new ThreadPage(page).open(threadId, { page: 1 });
    await thread.replyBody.fill(payload);
    // The live preview goes through the same sanitizer.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('Plain words survive.');
    await expectHarmless(preview.locator('.post-body'));

    const n = await thread.reply(payload);
    const post = thread.post(n);
    await expect(post).toContainText('Plain words survive.');
    await expectHarmless(post.locator('.post-body'));

    // Once more on a fresh load, and across the whole page. (A post's action forms may be rendered in the
    // browser, where React writes a `javascript:` placeholder into a form's action: only links are looked at.)
    await page.reload();
    await expect(post).toContainText('Plain words survive.');
    await expectHarmless(post.locator('.post-body'));
    await expect(page.locator('main [onerror], main a[href^="javascript:" i], main script')).toHaveCount(0);
    expect(dialogs).toEqual([]);

    async function expectHarmless(region: ReturnType<typeof page.locator>) {
      const html = await region.innerHTML();
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/onerror/i);
      expect(html).not.toMatch(/javascript:/i);
      await expect(region.locator('script, [onerror], iframe, object, embed')).toHaveCount(0);
    }
  });
});

test.describe('sign-in errors', () => {
  test('an unknown email and a wrong password get the same answer', async ({ newVisitor }) => {
    const { page } = await newVisitor();
    const form = page.getByRole('main');

    await submitSignIn(page, uniqueUser('Nobody').email, 'whatever-password-123');
    const unknownEmail = form.getByRole('alert');
    await expect(unknownEmail).toHaveText('Wrong email or password.');

    await submitSignIn(page, 'emily.johnson@example.test', 'not-her-password-123');
    await expect(form.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(signedInAs(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/sign-in$/);

    // The account does exist: the right password opens it.
    await submitSignIn(page, 'emily.johnson@example.test', DEMO_PASSWORD);
    await expect(signedInAs(page, 'Emily Johnson')).toBeVisible();
  });
});

test('replying with the API needs a session', async ({ request, member }) => {
  await new GroupPage(member.page).open(OPEN_GROUP).then((g) => g.join());
  const { threadId } = await apiStartThread(member.page.request, OPEN_GROUP, `Anonymous API ${Date.now()}`, 'Opening post.');
  const response = await request.post(`/api/threads/${threadId}/posts`, { data: { body: 'anonymous' } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: 'Please sign in first.' });
  await apiReply(member.page.request, threadId, 'A member may.');
});
