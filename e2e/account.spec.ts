import { expect, test, uniqueUser } from './fixtures';
import { signedInAs, submitSignUp } from './pages/auth';

test('creating an account signs the new member in', async ({ page }) => {
  // Regression test: the form used to read the fields for signIn() after React had reset it,
  // so the sign-in got an empty email and password (401) and the newcomer landed on / signed out.
  const user = uniqueUser('Newcomer');
  const signInCall = page.waitForResponse((r) => r.url().endsWith('/api/auth/callback/credentials'));
  await submitSignUp(page, user);
  const response = await signInCall;
  expect(response.status(), 'the automatic sign-in after sign-up').toBe(200);
  await expect(page).toHaveURL('/');
  await expect(signedInAs(page, user.name)).toBeVisible();
});

test('an email that already has an account is refused with a clear message', async ({ member, newVisitor }) => {
  const { page } = await newVisitor();
  await submitSignUp(page, { ...uniqueUser('Copycat'), email: member.user.email.toUpperCase() });
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('An account with that email already exists. Sign in instead.');
  await expect(page).toHaveURL('/sign-up');
  await expect(signedInAs(page)).toHaveCount(0);
});
