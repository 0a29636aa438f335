import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createMember, FACTORY_PASSWORD, testDb } from '@/db/test/factories';
import { members } from '@/db/schema';
import { ConflictError, InvalidInputError, RateLimitedError } from '../errors';
import { registerMember } from './register-member';
import { closeSession, openSession, viewerOfSession } from './sessions';
import { verifySignIn } from './verify-sign-in';

const ctx = () => ({ db: testDb(), viewer: null });
let addressCounter = 0;
const freshAddress = () => `198.51.100.${addressCounter++}-${Date.now()}`;

describe('registerMember', () => {
  it('creates an account with a hashed password and a normalised email', async () => {
    const email = `New.Member.${Date.now()}@Example.TEST`;
    const member = await registerMember(ctx(), { name: 'Leïla Benali', email, password: 'a long enough secret' }, freshAddress());
    const [row] = await testDb().select().from(members).where(eq(members.id, member.id));
    expect(row!.email).toBe(email.toLowerCase());
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain('a long enough secret');
  });

  it.each([
    ['a short password', { password: 'short' }, /at least 10 characters/],
    ['a common password', { password: 'password123' }, /too common/],
    ['an invalid email', { email: 'not-an-email' }, /valid email/],
    ['an empty name', { name: ' ' }, /Enter your name/],
  ])('refuses %s', async (_, override, message) => {
    const input = { name: 'Valid Name', email: `valid-${Date.now()}-${Math.random()}@example.test`, password: 'a long enough secret', ...override };
    await expect(registerMember(ctx(), input, freshAddress())).rejects.toThrow(message);
    await expect(registerMember(ctx(), input, freshAddress())).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('refuses a second account for the same email', async () => {
    const existing = await createMember();
    await expect(
      registerMember(ctx(), { name: 'Copy', email: existing.email.toUpperCase(), password: 'a long enough secret' }, freshAddress()),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('verifySignIn', () => {
  it('accepts the right password and answers the same for a wrong password and an unknown email', async () => {
    const member = await createMember();
    await expect(verifySignIn(ctx(), { email: member.email, password: FACTORY_PASSWORD }, freshAddress())).resolves.toMatchObject({ id: member.id });
    await expect(verifySignIn(ctx(), { email: member.email, password: 'wrong password!' }, freshAddress())).resolves.toBeNull();
    await expect(verifySignIn(ctx(), { email: 'nobody@example.test', password: 'wrong password!' }, freshAddress())).resolves.toBeNull();
    await expect(verifySignIn(ctx(), { email: ['array'], password: 1 }, freshAddress())).resolves.toBeNull();
  });

  it('locks an account after 5 failures, even for the right password, whoever tries', async () => {
    const member = await createMember();
    for (let i = 0; i < 5; i++) await verifySignIn(ctx(), { email: member.email, password: `wrong ${i}` }, freshAddress());
    const locked = verifySignIn(ctx(), { email: member.email, password: FACTORY_PASSWORD }, freshAddress());
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(verifySignIn(ctx(), { email: member.email, password: FACTORY_PASSWORD }, freshAddress())).rejects.toThrow(/Try again in \d+ (seconds|minutes)/);
  });

  it('counts unknown emails like real ones, so a lock does not reveal which accounts exist', async () => {
    const email = `ghost-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++) await verifySignIn(ctx(), { email, password: `wrong ${i}` }, freshAddress());
    await expect(verifySignIn(ctx(), { email, password: 'anything at all' }, freshAddress())).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('limits one address to 6 attempts a minute across accounts', async () => {
    // Limits count in fixed windows: a burst that straddled a minute's end would start a fresh one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
    const address = freshAddress();
    const member = await createMember();
    for (let i = 0; i < 6; i++) await verifySignIn(ctx(), { email: `someone-${i}@example.test`, password: 'wrong password' }, address);
    await expect(verifySignIn(ctx(), { email: member.email, password: FACTORY_PASSWORD }, address)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('sessions', () => {
  it('stop working once closed', async () => {
    const member = await createMember();
    const sid = await openSession(testDb(), member.id);
    await expect(viewerOfSession(testDb(), sid)).resolves.toMatchObject({ id: member.id, name: member.name });
    await closeSession(testDb(), sid);
    await expect(viewerOfSession(testDb(), sid)).resolves.toBeNull();
    await expect(viewerOfSession(testDb(), 'not-a-uuid')).resolves.toBeNull();
  });
});
