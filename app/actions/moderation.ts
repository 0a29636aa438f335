'use server';

import type { FormState } from '@/lib/form-state';
import { archiveThread } from '@/lib/moderation/archive-thread';
import { cancelScheduledClose, closeThread } from '@/lib/moderation/close-thread';
import { flagPost } from '@/lib/moderation/flag-post';
import { pinThread } from '@/lib/moderation/pin-thread';
import { reopenThread } from '@/lib/moderation/reopen-thread';
import { reviewFlags } from '@/lib/moderation/review-flags';
import { unlistThread } from '@/lib/moderation/unlist-thread';
import { unpinThread } from '@/lib/moderation/unpin-thread';
import { perform } from './perform';

export const pinThreadAction = async (_: FormState, fd: FormData) => perform(fd, pinThread);
export const unpinThreadAction = async (_: FormState, fd: FormData) => perform(fd, unpinThread);
export const closeThreadAction = async (_: FormState, fd: FormData) => perform(fd, closeThread);
export const cancelScheduledCloseAction = async (_: FormState, fd: FormData) => perform(fd, cancelScheduledClose);
export const reopenThreadAction = async (_: FormState, fd: FormData) => perform(fd, reopenThread);
export const archiveThreadAction = async (_: FormState, fd: FormData) => perform(fd, archiveThread);
export const unlistThreadAction = async (_: FormState, fd: FormData) => perform(fd, unlistThread);
export const flagPostAction = async (_: FormState, fd: FormData) => perform(fd, flagPost);
export const reviewFlagsAction = async (_: FormState, fd: FormData) => perform(fd, reviewFlags);
