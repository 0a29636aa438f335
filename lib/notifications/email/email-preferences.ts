import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { members } from '@/db/schema';
import type { SignedInCtx } from '../../context';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../validate';

export type EmailPreferences = { emailReplies: boolean; digest: 'off' | 'daily' | 'weekly' };

export const emailPreferencesSchema = z.object({
  // A checkbox sends "on" or nothing; the JSON API sends a boolean.
  emailReplies: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  digest: z.enum(['off', 'daily', 'weekly'], 'Choose how often to receive a summary.'),
});

/** The signed-in member's own email settings; there is no way to ask for anyone else's. */
export async function getEmailPreferences(ctx: SignedInCtx): Promise<EmailPreferences> {
  const [row] = await ctx.db.select({ emailReplies: members.emailReplies, digest: members.digest }).from(members).where(eq(members.id, ctx.viewer.id)).limit(1);
  if (!row) throw new NotFoundError('No such member.');
  return row;
}

/** Changes only the signed-in member's own settings: the member is the viewer, never an input. */
export async function updateEmailPreferences(ctx: SignedInCtx, input: unknown): Promise<EmailPreferences> {
  const preferences = parseInput(emailPreferencesSchema, input);
  await ctx.db.update(members).set(preferences).where(eq(members.id, ctx.viewer.id));
  return preferences;
}
