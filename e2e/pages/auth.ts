import { expect, type Page } from '@playwright/test';

type Credentials = { name: string; email: string; password: string };

/** The header's "Signed in as …" line. */
export const signedInAs = (page: Page, name?: string) => page.getByText(name ? `Signed in as ${name}` : /^Signed in as /);

/** Fills the sign-up form and submits it; does not wait for the outcome. */
export async function submitSignUp(page: Page, user: Credentials): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Creates an account through the UI; the form then signs the new member in and goes home. */
export async function signUp(page: Page, user: Credentials): Promise<void> {
  await submitSignUp(page, user);
  await expect(page).toHaveURL('/', { timeout: 15_000 });
  await expect(signedInAs(page, user.name)).toBeVisible();
}

/** Fills the sign-in form and submits it; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await expect(signedInAs(page)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(signedInAs(page)).toHaveCount(0);
}
