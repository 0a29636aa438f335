import { z } from 'zod';
import { members } from '@/db/schema';
import type { Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { ConflictError } from '../errors';
import { assertUnderLimit, recordHit } from '../rate-limit';
import { SIGN_UP_LIMIT } from '../rules';
import { parseInput } from '../validate';
import { email, memberName, password } from './auth-schemas';
import { COMMON_PASSWORDS } from './common-passwords';
import { hashPassword } from './password';

export const registerMemberSchema = z.object({
  name: memberName,
  email,
  password: password.refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'That password is too common: choose another.'),
});

/** Creates a member account. `address` is the client's IP, limiting sign-ups per address. */
export async function registerMember(ctx: Ctx, input: unknown, address: string) {
  const data = parseInput(registerMemberSchema, input);
  const bucket = `sign-up:address:${address}`;
  await assertUnderLimit(ctx.db, bucket, SIGN_UP_LIMIT, 'Too many new accounts from your network.');
  await recordHit(ctx.db, bucket, SIGN_UP_LIMIT);
  try {
    const [member] = await ctx.db
      .insert(members)
      .values({ name: data.name, email: data.email, passwordHash: await hashPassword(data.password) })
      .returning({ id: members.id, name: members.name, email: members.email });
    return member!;
  } catch (error) {
    if (isUniqueViolation(error, 'members_email_unique')) {
      throw new ConflictError('An account with that email already exists. Sign in instead.');
    }
    throw error;
  }
}
