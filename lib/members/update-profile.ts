import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { groupMembers, groups, members } from '@/db/schema';
import { memberName } from '../auth/auth-schemas';
import type { SignedInCtx } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { professionSeat } from '../groups/add-member';
import { parseInput } from '../validate';
import { bio, city, company, country, languages, profession, socialLinks, website } from './profile-schemas';

/**
 * Every field is optional: what is present is replaced, what is absent stays as it is. The
 * settings form sends them all (an emptied field clears it). Unknown keys, such as an email
 * or an admin flag slipped into the request, are dropped by the schema.
 */
export const updateProfileSchema = z.object({
  name: memberName.optional(),
  profession: profession.optional(),
  company: company.optional(),
  city: city.optional(),
  country: country.optional(),
  languages: languages.optional(),
  bio: bio.optional(),
  website: website.optional(),
  socialLinks: socialLinks.optional(),
});

export type ProfileChanges = z.infer<typeof updateProfileSchema>;

/**
 * Updates the signed-in member's own profile; there is no input naming whose, so no way to
 * edit someone else's.
 *
 * A member who holds a profession's seat in a one-seat-per-profession group (a referral
 * chapter) cannot change profession while seated: otherwise the chapter would end up with
 * two lawyers, or a seat held by nobody in that trade.
 *
 * The member row is read FOR UPDATE, not merely updated: that lock conflicts with the
 * key-share lock an uncommitted group_members row holds on its member, so a seat being taken
 * at this moment is waited for and then seen. The one window left is between add-member
 * reading the profession and inserting the seat, which add-member must close by reading the
 * profession FOR SHARE (or any row lock).
 */
export async function updateProfile(ctx: SignedInCtx, input: unknown): Promise<void> {
  const changes = parseInput(updateProfileSchema, input);
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as ProfileChanges;
  if (Object.keys(set).length === 0) return;

  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ profession: members.profession })
      .from(members)
      .where(eq(members.id, ctx.viewer.id))
      .for('update');
    if (!current) throw new NotFoundError('No such member.');

    const newSeat = professionSeat(set.profession ?? null);
    if (set.profession !== undefined && newSeat !== professionSeat(current.profession)) {
      const [held] = await tx
        .select({ seat: groupMembers.professionSeat, groupName: groups.name })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(
          and(
            eq(groupMembers.memberId, ctx.viewer.id),
            isNotNull(groupMembers.professionSeat),
            newSeat === null ? undefined : ne(groupMembers.professionSeat, newSeat),
          ),
        )
        .orderBy(asc(groups.name))
        .limit(1);
      if (held) {
        const seatName = current.profession?.trim() || held.seat;
        throw new ConflictError(`You hold the ${seatName} seat in ${held.groupName}: leave it before changing profession.`);
      }
    }

    await tx
      .update(members)
      .set(set)
      .where(eq(members.id, ctx.viewer.id));
  });
}

