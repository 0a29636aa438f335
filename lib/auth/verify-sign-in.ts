import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { members } from '@/db/schema';
import type { Ctx } from '../context';
import { ForbiddenError } from '../errors';
import { assertUnderLimit, recordHit } from '../rate-limit';
import { SIGN_IN_LIMITS } from '../rules';
import { verifyPassword } from './password';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
});

/**
 * Checks an email and password. Returns the member, or null for every kind of wrong
 * answer (unknown email, wrong password, malformed input) so that the reply never
 * tells which accounts exist. Attempts are limited per address and failures per account
 * (unknown addresses are counted too), refusing with a RateLimitedError.
 */
export async function verifySignIn(ctx: Ctx, input: unknown, address: string) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const tooMany = 'Too many sign-in attempts.';
  const buckets = {
    minute: `sign-in:address-minute:${address}`,
    hour: `sign-in:address-hour:${address}`,
    account: `sign-in:account:${email}`,
  };
  await assertUnderLimit(ctx.db, buckets.minute, SIGN_IN_LIMITS.perAddressMinute, tooMany);
  await assertUnderLimit(ctx.db, buckets.hour, SIGN_IN_LIMITS.perAddressHour, tooMany);
  await assertUnderLimit(ctx.db, buckets.account, SIGN_IN_LIMITS.perAccount, 'This account is locked after several failed sign-ins.');
  await recordHit(ctx.db, buckets.minute, SIGN_IN_LIMITS.perAddressMinute);
  await recordHit(ctx.db, buckets.hour, SIGN_IN_LIMITS.perAddressHour);

  const [member] = await ctx.db
    .select({ id: members.id, name: members.name, email: members.email, passwordHash: members.passwordHash, suspendedUntil: members.suspendedUntil, suspendedReason: members.suspendedReason })
    .from(members)
    .where(eq(members.email, email))
    .limit(1);
  if (await verifyPassword(member?.passwordHash ?? null, password)) {
    // Told only to someone who knows the password, so it reveals nothing about other accounts.
    if (member!.suspendedUntil && member!.suspendedUntil > new Date()) {
      throw new ForbiddenError(`This account is suspended until ${member!.suspendedUntil.toISOString().slice(0, 10)} (reason: ${member!.suspendedReason}).`);
    }
    return { id: member!.id, name: member!.name, email: member!.email };
  }
  await recordHit(ctx.db, buckets.account, SIGN_IN_LIMITS.perAccount);
  return null;
}
