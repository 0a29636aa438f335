import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, uniqueUser } from './fixtures';
import { signedInAs } from './pages/auth';

const CHAPTER = 'casablanca-business-referral-chapter';
const CHAPTER_NAME = 'Casablanca Business Referral Chapter';
const COMPANY = 'acme-customer-community';

async function setProfession(page: Page, profession: string) {
  await page.goto('/settings/profile');
  await page.getByLabel('Profession').fill(profession);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
}

async function askToJoinChapter(page: Page, message: string) {
  await page.goto(`/g/${CHAPTER}`);
  await expect(page.getByText("Only members can read this group's threads.")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.getByLabel('A word for the moderators (optional)').fill(message);
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByText('Your request to join is waiting for the moderators.')).toBeVisible();
}

test('a request to join a private chapter is approved by its owner, and the new member reads the chapter', async ({ member, demoMember }) => {
  await setProfession(member.page, `Drone photographer ${randomInt(1e9)}`);
  await askToJoinChapter(member.page, 'Referred by Salma after the Tuesday breakfast.');

  const owner = await demoMember('amina.haddad@example.test');
  await owner.goto(`/g/${CHAPTER}/manage`);
  const request = owner.getByRole('region', { name: /join request/i }).getByRole('listitem').filter({ hasText: member.user.name });
  await expect(request.getByText('Referred by Salma after the Tuesday breakfast.')).toBeVisible();
  await request.getByRole('button', { name: `Approve ${member.user.name}` }).click();
  // The request leaves the queue once the approval is saved (the button's label changes while it is sent).
  await expect(request).toHaveCount(0);

  await member.page.goto(`/g/${CHAPTER}`);
  await expect(member.page.getByRole('table')).toBeVisible();
  await expect(member.page.getByRole('link', { name: /Bienvenue au chapitre/ })).toBeVisible();
  await expect(member.page.getByRole('link', { name: 'Start a thread' })).toBeVisible();
});

test('a second accountant is refused the chapter seat held by the first', async ({ member, demoMember }) => {
  await setProfession(member.page, 'Accountant');
  await askToJoinChapter(member.page, 'I would love to join.');

  const owner = await demoMember('amina.haddad@example.test');
  await owner.goto(`/g/${CHAPTER}/manage`);
  const request = owner.getByRole('region', { name: /join request/i }).getByRole('listitem').filter({ hasText: member.user.name });
  await request.getByRole('button', { name: `Approve ${member.user.name}` }).click();
  await expect(request.getByRole('alert')).toHaveText(`The Accountant seat in ${CHAPTER_NAME} is already taken: this group admits one member per profession.`);

  await member.page.reload();
  await expect(member.page.getByText('Your request to join is waiting for the moderators.')).toBeVisible();
  await expect(member.page.getByRole('table')).toHaveCount(0);
});

test('an invitation link brings a new person into an invitation-only community', async ({ demoMember, newVisitor }) => {
  const owner = await demoMember('emily.johnson@example.test');
  await owner.goto(`/g/${COMPANY}/manage`);
  // A use count no parallel test picks, to find this invitation's row again.
  const uses = String(randomInt(20, 100));
  await owner.getByLabel('Number of people it admits').fill(uses);
  await owner.getByRole('button', { name: 'Create invitation' }).click();
  const link = await owner.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);

  const { page } = await newVisitor();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'You are invited to Acme Customer Community' })).toBeVisible();
  await page.getByRole('link', { name: 'Create an account' }).click();
  const user = uniqueUser('Invitee');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new URL(link).pathname);
  await expect(signedInAs(page, user.name)).toBeVisible();
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(page).toHaveURL(`/g/${COMPANY}`);
  await expect(page.getByRole('table')).toBeVisible();

  await owner.reload();
  await expect(owner.getByRole('row').filter({ hasText: `1 / ${uses}` })).toHaveCount(1);
});

test('an outsider sees only the name and description of a private group, and a 404 for its threads', async ({ page }) => {
  await page.goto(`/g/${CHAPTER}`);
  await expect(page.getByRole('heading', { name: CHAPTER_NAME })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page).toHaveTitle(`${CHAPTER_NAME} · Cercle`);
  for (const path of [`/g/${CHAPTER}/members`, `/g/${CHAPTER}/manage`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});
