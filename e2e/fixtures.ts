import { randomInt } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn, signUp } from './pages/auth';
import { GroupPage } from './pages/GroupPage';

export { expect };

/** The password of every demo member (db/seed/demo-archive.json). */
export const DEMO_PASSWORD = 'cercle-demo-2026';
/** The public, open, English demo group most tests write in. */
export const OPEN_GROUP = 'global-founders-online-club';

export type User = { name: string; email: string; password: string };
/** A signed-in member with their own browser context (own cookies, own client address). */
export type Member = { user: User; context: BrowserContext; page: Page };

/** A name and email no other test (or earlier run) uses. */
export function uniqueUser(label = 'Tester'): User {
  const suffix = `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;
  return { name: `${label} ${suffix}`, email: `${label.toLowerCase()}.${suffix}@e2e.example.test`, password: `pw-${suffix}-long-enough` };
}

/**
 * The app limits sign-ups (10 an hour) and sign-ins (6 a minute) per client address.
 * The e2e server trusts X-Forwarded-For as if a proxy set it (CERCLE_TRUST_PROXY=true in
 * playwright.config.ts), so every browser context plays a different client and the suite,
 * which signs many users up, stays under those limits.
 */
export function clientAddressHeaders(): Record<string, string> {
  return { 'X-Forwarded-For': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
}

async function newClientContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, extraHTTPHeaders: clientAddressHeaders() });
}

type Fixtures = {
  /** A fresh member, signed up through the UI in the test's own `page`. */
  member: Member;
  /** Signs up one more fresh member in a new browser context, optionally joining a group. */
  newMember: (opts?: { label?: string; join?: string }) => Promise<Member>;
  /** A new browser context with nobody signed in (its own client address). */
  newVisitor: () => Promise<{ context: BrowserContext; page: Page }>;
  /** Signs a demo member in, in a new browser context. */
  demoMember: (email: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring even when no fixture is used.
  extraHTTPHeaders: async ({}, provide) => {
    await provide(clientAddressHeaders());
  },

  member: async ({ page, context }, provide) => {
    const user = uniqueUser('Alice');
    await signUp(page, user);
    await provide({ user, context, page });
  },

  newVisitor: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await newClientContext(browser, baseURL);
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  newMember: async ({ newVisitor }, provide) => {
    await provide(async ({ label = 'Bob', join } = {}) => {
      const { context, page } = await newVisitor();
      const user = uniqueUser(label);
      await signUp(page, user);
      if (join) await new GroupPage(page).open(join).then((g) => g.join());
      return { user, context, page };
    });
  },

  demoMember: async ({ newVisitor }, provide) => {
    await provide(async (email) => {
      const { page } = await newVisitor();
      await signIn(page, email, DEMO_PASSWORD);
      await expect(page.getByText(/^Signed in as /)).toBeVisible();
      return page;
    });
  },
});
