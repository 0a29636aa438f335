import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n/locales';
import { invitations, members } from '@/db/schema';
import { email } from '../auth/auth-schemas';
import type { SignedInCtx } from '../context';
import { ForbiddenError } from '../errors';
import { enqueueMail } from '../mail/enqueue-mail';
import { invitationMail } from '../mail/invitation-mail';
import { canInvite } from '../permissions';
import { INVITATION_DEFAULT_DAYS, INVITATION_MAX_DAYS, INVITATION_MAX_USES } from '../rules';
import { parseInput } from '../validate';
import { getReadableGroup } from './group-access';
import { slugInput } from './group-schemas';
import { invitationPath, newInvitationToken } from './invitation-token';

export const createInvitationSchema = slugInput.extend({
  /** For one person: only the member with this address may accept. Left out: a shareable link. */
  email: email.optional().or(z.literal('').transform(() => undefined)),
  expiresInDays: z.coerce.number().int('Whole days only.').min(1, 'At least one day.').max(INVITATION_MAX_DAYS, `At most ${INVITATION_MAX_DAYS} days.`).default(INVITATION_DEFAULT_DAYS),
  maxUses: z.coerce.number().int('A whole number.').min(1, 'At least one use.').max(INVITATION_MAX_USES, `At most ${INVITATION_MAX_USES} uses.`).optional(),
});

/**
 * Owners and moderators invite by link (several uses) or by email (one use, that address
 * only). An email invitation is queued in the same transaction, so the link is mailed exactly when it exists.
 */
export async function createInvitation(ctx: SignedInCtx, input: unknown): Promise<{ id: number; path: string; expiresAt: Date }> {
  const data = parseInput(createInvitationSchema, input);
  const group = await getReadableGroup(ctx, { slug: data.groupSlug });
  if (!canInvite(ctx.viewer, group)) throw new ForbiddenError('Only owners and moderators can invite people.');
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + data.expiresInDays * 24 * 60 * 60 * 1000);
  const path = invitationPath(token);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({ groupId: group.id, createdById: ctx.viewer.id, email: data.email ?? null, tokenHash, expiresAt, maxUses: data.maxUses ?? (data.email ? 1 : 10) })
      .returning({ id: invitations.id });
    if (data.email) {
      const locale = await recipientLocale(tx, data.email, ctx.viewer.locale);
      await enqueueMail(tx, await invitationMail({ to: data.email, groupName: group.name, groupDescription: group.description, inviterName: ctx.viewer.name, path, expiresAt, locale }));
    }
    return { id: row!.id, path, expiresAt };
  });
}

/** The invitee's own language when they are already a member, else the inviter's, else English. */
async function recipientLocale(db: SignedInCtx['db'], address: string, inviterLocale: string | null | undefined): Promise<Locale> {
  const [member] = await db.select({ locale: members.locale }).from(members).where(eq(members.email, address));
  if (isLocale(member?.locale)) return member.locale;
  return isLocale(inviterLocale) ? inviterLocale : DEFAULT_LOCALE;
}
