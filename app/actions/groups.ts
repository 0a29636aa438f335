'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signedInCtx } from '@/lib/auth/viewer';
import { type FormState, formValues, toFormState } from '@/lib/form-state';
import { perform } from './perform';
import { acceptInvitation } from '@/lib/groups/accept-invitation';
import { changeRole } from '@/lib/groups/change-role';
import { createGroup } from '@/lib/groups/create-group';
import { createInvitation } from '@/lib/groups/create-invitation';
import { joinGroup } from '@/lib/groups/join-group';
import { leaveGroup } from '@/lib/groups/leave-group';
import { removeMember } from '@/lib/groups/remove-member';
import { requestToJoin } from '@/lib/groups/request-to-join';
import { reviewJoinRequest } from '@/lib/groups/review-join-request';
import { revokeInvitation } from '@/lib/groups/revoke-invitation';
import { unbanMember } from '@/lib/groups/unban-member';
import { updateGroup } from '@/lib/groups/update-group';
import { withdrawJoinRequest } from '@/lib/groups/withdraw-join-request';

export const joinGroupAction = async (_: FormState, fd: FormData) => perform(fd, joinGroup);
export const requestToJoinAction = async (_: FormState, fd: FormData) => perform(fd, requestToJoin);
export const withdrawJoinRequestAction = async (_: FormState, fd: FormData) => perform(fd, withdrawJoinRequest);
export const reviewJoinRequestAction = async (_: FormState, fd: FormData) => perform(fd, reviewJoinRequest);
export const createInvitationAction = async (_: FormState, fd: FormData) => perform(fd, createInvitation);
export const revokeInvitationAction = async (_: FormState, fd: FormData) => perform(fd, revokeInvitation);
export const changeRoleAction = async (_: FormState, fd: FormData) => perform(fd, changeRole);
export const removeMemberAction = async (_: FormState, fd: FormData) => perform(fd, removeMember);
export const unbanMemberAction = async (_: FormState, fd: FormData) => perform(fd, unbanMember);
export const updateGroupAction = async (_: FormState, fd: FormData) => perform(fd, updateGroup);

export async function leaveGroupAction(_: FormState, fd: FormData): Promise<FormState> {
  return perform(fd, leaveGroup);
}

/** Accepting lands the new member in the group they joined. */
export async function acceptInvitationAction(_: FormState, fd: FormData): Promise<FormState> {
  let slug: string;
  try {
    slug = (await acceptInvitation(await signedInCtx(), formValues(fd))).groupSlug;
  } catch (error) {
    return toFormState(error, fd);
  }
  revalidatePath('/', 'layout');
  redirect(`/g/${slug}`);
}

export async function createGroupAction(_: FormState, fd: FormData): Promise<FormState> {
  let slug: string;
  try {
    slug = (await createGroup(await signedInCtx(), formValues(fd))).slug;
  } catch (error) {
    return toFormState(error, fd);
  }
  revalidatePath('/', 'layout');
  redirect(`/g/${slug}`);
}
