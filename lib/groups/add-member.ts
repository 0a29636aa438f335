import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupMembers, members } from '@/db/schema';
import { isUniqueViolation } from '../db-errors';
import { ConflictError, InvalidInputError } from '../errors';
import type { GroupRole } from '../permissions';

type SeatRule = { id: number; name: string; onePerProfession: boolean };

/** How professions are compared for seats: "Accountant " and "accountant" hold the same seat. */
export function professionSeat(profession: string | null): string | null {
  const seat = profession?.trim().toLocaleLowerCase().replace(/\s+/g, ' ');
  return seat ? seat : null;
}

/**
 * Makes someone a member, holding their profession's seat where the group seats one per
 * profession. The seat is claimed by a unique index, so of two people approved at the same
 * moment exactly one gets it; the other's transaction fails here with a clear message.
 * Call it inside the transaction that records why they joined.
 */
export async function addMember(tx: Db, group: SeatRule, memberId: number, role: GroupRole = 'member'): Promise<void> {
  let seat: string | null = null;
  let profession: string | null = null;
  if (group.onePerProfession) {
    // A share lock: a profession change (which locks the member row) waits until this seat is decided.
    const [member] = await tx.select({ profession: members.profession }).from(members).where(eq(members.id, memberId)).for('share');
    profession = member?.profession?.trim() ?? null;
    seat = professionSeat(profession);
    if (!seat) {
      throw new InvalidInputError(`${group.name} seats one member per profession: add the profession to the profile first.`, {
        profession: ['A profession is needed to join this group.'],
      });
    }
  }
  try {
    await tx.insert(groupMembers).values({ groupId: group.id, memberId, role, professionSeat: seat });
  } catch (error) {
    if (isUniqueViolation(error, 'group_members_profession_seat_key')) {
      throw new ConflictError(`The ${profession} seat in ${group.name} is already taken: this group admits one member per profession.`);
    }
    if (isUniqueViolation(error, 'group_members_group_id_member_id_pk')) throw new ConflictError('Already a member of this group.');
    throw error;
  }
}
