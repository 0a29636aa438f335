'use server';

import type { FormState } from '@/lib/form-state';
import { liftSilence, silenceMember } from '@/lib/moderation/silence-member';
import { liftSuspension, suspendMember } from '@/lib/moderation/suspend-member';
import { perform } from './perform';

export const silenceMemberAction = async (_: FormState, fd: FormData) => perform(fd, silenceMember);
export const liftSilenceAction = async (_: FormState, fd: FormData) => perform(fd, liftSilence);
export const suspendMemberAction = async (_: FormState, fd: FormData) => perform(fd, suspendMember);
export const liftSuspensionAction = async (_: FormState, fd: FormData) => perform(fd, liftSuspension);
